using System.Text.Json.Nodes;
using SharpClaw.Core.Logging;
using SharpClaw.Gateway.Rpc;
using SharpClaw.Gateway.Runtime;
using SharpClaw.Protocol.Frames;

namespace SharpClaw.Gateway.Methods;

/// <summary><c>logs.tail {cursor?, limit 1..5000, maxBytes 1..1e6}</c> over the gateway's JSON-lines log file.</summary>
public sealed class LogMethods(GatewayServices s)
{
    public void Register(MethodRegistry registry) => registry.Add("logs.tail", TailAsync);

    private async ValueTask<JsonPayload> TailAsync(RpcContext ctx)
    {
        var p = ParamReader.Object(ctx, "cursor", "limit", "maxBytes");
        var cursor = ParamReader.OptionalLong(ctx, p, "cursor", 0, long.MaxValue);
        var limit = (int)(ParamReader.OptionalLong(ctx, p, "limit", 1, 5000) ?? 200);
        var maxBytes = (int)(ParamReader.OptionalLong(ctx, p, "maxBytes", 1, 1_000_000) ?? 250_000);
        var result = await LogTail.ReadAsync(s.FileLog.CurrentFile, cursor, limit, maxBytes, ctx.CancellationToken);
        var o = new JsonObject
        {
            ["file"] = result.File,
            ["cursor"] = result.Cursor,
            ["size"] = result.Size,
            ["lines"] = JsonNodes.StringArray(result.Lines),
        };
        if (result.Truncated)
        {
            o["truncated"] = true;
        }

        if (result.Reset)
        {
            o["reset"] = true;
        }

        return o;
    }
}
