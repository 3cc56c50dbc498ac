using System.Text.Json;
using System.Text.Json.Nodes;
using SharpClaw.Core.Config;
using SharpClaw.Gateway.Hosting;
using SharpClaw.Gateway.Rpc;
using SharpClaw.Protocol.Frames;

namespace SharpClaw.Gateway.Methods;

/// <summary><c>config.get</c>, <c>config.schema</c>, <c>config.set</c>, <c>config.patch</c>, <c>config.apply</c>.</summary>
public sealed class ConfigMethods(GatewayConfiguration config)
{
    private static readonly JsonSerializerOptions Pretty = new() { WriteIndented = true };

    public void Register(MethodRegistry registry)
    {
        registry.Add("config.get", GetAsync);
        registry.Add("config.schema", _ => ValueTask.FromResult(JsonPayload.From(new JsonObject { ["schema"] = ConfigSchema.ToJsonSchema(), ["version"] = Runtime.GatewayInfo.Version })));
        registry.Add("config.set", ctx => WriteAsync(ctx, "set"));
        registry.Add("config.patch", ctx => WriteAsync(ctx, "patch"));
        registry.Add("config.apply", ctx => WriteAsync(ctx, "apply"));
    }

    private async ValueTask<JsonPayload> GetAsync(RpcContext ctx)
    {
        ParamReader.Object(ctx);
        var result = Snapshot(config.Store.Current, ctx.IsAdmin);

        // The base hash for writes is the file as it is on disk (even after an invalid hand edit), so a client
        // can always recover by writing a valid config.
        var onDisk = await config.Store.ReadFileAsync(ctx.CancellationToken);
        result["hash"] = onDisk.Hash;
        if (!onDisk.Valid)
        {
            result["valid"] = false;
            result["issues"] = Issues(onDisk.Issues);
        }

        return result;
    }

    private JsonObject Snapshot(ConfigSnapshot snap, bool admin)
    {
        var redactedParsed = ConfigRedactor.Redact(snap.Parsed);
        var o = new JsonObject
        {
            ["exists"] = snap.Exists,
            ["valid"] = snap.Valid && config.LastReloadError is null,
            ["config"] = ConfigRedactor.Redact(snap.Resolved),
            ["parsed"] = redactedParsed,
            ["hash"] = snap.Hash,
            ["configRevisionHash"] = snap.Hash,
            ["appliedConfigHash"] = snap.Hash,
            ["issues"] = Issues(snap.Issues),
            ["lastReloadError"] = config.LastReloadError,
        };
        if (admin)
        {
            o["path"] = snap.Path;
            o["raw"] = snap.Exists ? redactedParsed.ToJsonString(Pretty) : null;
        }

        return o;
    }

    private async ValueTask<JsonPayload> WriteAsync(RpcContext ctx, string kind)
    {
        var p = kind == "patch"
            ? ParamReader.Object(ctx, "raw", "baseHash", "sessionKey", "deliveryContext", "note", "restartDelayMs", "replacePaths")
            : kind == "apply"
                ? ParamReader.Object(ctx, "raw", "baseHash", "sessionKey", "deliveryContext", "note", "restartDelayMs")
                : ParamReader.Object(ctx, "raw", "baseHash");
        var raw = ParamReader.RequiredString(ctx, p, "raw", 2 * 1024 * 1024);
        var baseHash = ParamReader.OptionalString(ctx, p, "baseHash", 512);
        ConfigSnapshot next;
        try
        {
            next = kind == "patch"
                ? await config.Store.PatchAsync(raw, baseHash, ParamReader.OptionalStringArray(ctx, p, "replacePaths", 256), ctx.CancellationToken)
                : await config.Store.SetAsync(raw, baseHash, ctx.CancellationToken);
        }
        catch (ConfigWriteException ex)
        {
            throw new RpcException(ErrorShape.InvalidRequest(ex.Message, new JsonObject { ["issues"] = Issues(ex.Issues) }));
        }

        var result = Snapshot(next, true);
        result["ok"] = true;
        result["restart"] = new JsonObject { ["required"] = false, ["reason"] = "changes apply live; gateway.port and gateway.bind need a restart" };
        return result;
    }

    private static JsonArray Issues(IEnumerable<ConfigIssue> issues)
    {
        var arr = new JsonArray();
        foreach (var i in issues)
        {
            arr.Add((JsonNode)new JsonObject { ["path"] = i.Path, ["message"] = i.Message, ["fix"] = i.Fix });
        }

        return arr;
    }
}
