using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using SharpClaw.Agents.Runs;
using SharpClaw.Agents.Sessions;
using SharpClaw.Gateway.Agents;
using SharpClaw.Gateway.Rpc;
using SharpClaw.Gateway.Runtime;
using SharpClaw.Protocol.Frames;

namespace SharpClaw.Gateway.Methods;

/// <summary><c>sessions.*</c> methods over the session store.</summary>
public sealed class SessionMethods(GatewayServices s, AgentServices a)
{
    private static readonly string[] PatchableStrings = ["label", "model", "thinkingLevel", "verboseLevel", "reasoningLevel", "icon", "color", "category", "displayName"];

    public void Register(MethodRegistry registry)
    {
        registry.Add("sessions.list", ListAsync);
        registry.Add("sessions.preview", PreviewAsync);
        registry.Add("sessions.resolve", ResolveAsync, advertise: false);
        registry.Add("sessions.patch", PatchAsync);
        registry.Add("sessions.reset", ResetAsync);
        registry.Add("sessions.delete", DeleteAsync);
        registry.Add("sessions.compact", CompactAsync);
        registry.Add("sessions.export", ExportAsync, advertise: false);
    }

    public static JsonObject Row(SessionRecord r)
    {
        var o = (JsonObject)r.Entry.DeepClone();
        o["key"] = r.Key;
        o["sessionKey"] = r.Key;
        o["agentId"] = r.AgentId;
        o["sessionId"] = r.SessionId;
        o["createdAt"] = r.CreatedAtMs;
        o["updatedAt"] = r.UpdatedAtMs;
        return o;
    }

    private async ValueTask<JsonPayload> ListAsync(RpcContext ctx)
    {
        var p = ParamReader.Object(ctx);
        var limit = (int)(ParamReader.OptionalLong(ctx, p, "limit", 1, 5000) ?? 500);
        var offset = (int)(ParamReader.OptionalLong(ctx, p, "offset", 0, 1_000_000) ?? 0);
        var agentId = ParamReader.OptionalString(ctx, p, "agentId", 64);
        var search = ParamReader.OptionalString(ctx, p, "search", 256);
        var label = ParamReader.OptionalString(ctx, p, "label", 512);
        var activeMinutes = ParamReader.OptionalLong(ctx, p, "activeMinutes", 1, 10_000_000);
        var rows = await a.Sessions.ListAsync(agentId is null ? null : SessionKey.NormalizeAgentId(agentId), 5000, 0, ctx.CancellationToken);
        var now = s.Info.NowMs;
        var filtered = rows.Where(r =>
            (search is null || r.Key.Contains(search, StringComparison.OrdinalIgnoreCase) || (r.Label?.Contains(search, StringComparison.OrdinalIgnoreCase) ?? false))
            && (label is null || r.Label == label)
            && (activeMinutes is null || now - r.UpdatedAtMs <= activeMinutes * 60_000)).ToList();
        var list = new JsonArray();
        foreach (var r in filtered.Skip(offset).Take(limit))
        {
            var row = Row(r);
            row["running"] = a.Runtime.ActiveRuns(r.Key).Any(x => x.Phase == "running");
            list.Add((JsonNode)row);
        }

        return new JsonObject { ["ts"] = now, ["count"] = filtered.Count, ["sessions"] = list };
    }

    private async ValueTask<JsonPayload> PreviewAsync(RpcContext ctx)
    {
        var p = ParamReader.Object(ctx);
        var keys = ParamReader.OptionalStringArray(ctx, p, "keys", 100) ?? (ParamReader.OptionalString(ctx, p, "sessionKey", SessionKey.MaxLength) is { } one ? new[] { one } : null)
            ?? throw RpcException.InvalidParams(ctx.Method, "must have required property 'keys' (or 'sessionKey')");
        var limit = (int)(ParamReader.OptionalLong(ctx, p, "limit", 1, 100) ?? 12);
        var maxChars = (int)(ParamReader.OptionalLong(ctx, p, "maxChars", 20, 100_000) ?? 240);
        var previews = new JsonArray();
        foreach (var raw in keys)
        {
            var key = SessionKey.Resolve(raw, a.Catalog.DefaultAgent.Id);
            var session = await a.Sessions.GetAsync(key, ctx.CancellationToken);
            var items = new JsonArray();
            if (session is not null)
            {
                var events = await a.Sessions.ReadEventsAsync(session.SessionId, ctx.CancellationToken);
                foreach (var e in events.Where(e => (string?)e["type"] == "message").TakeLast(limit))
                {
                    var m = (JsonObject)e["message"]!;
                    var text = TextOf(m);
                    items.Add((JsonNode)new JsonObject { ["role"] = (string?)m["role"], ["text"] = text.Length > maxChars ? text[..maxChars] + "…" : text, ["timestamp"] = m["timestamp"]?.DeepClone() });
                }
            }

            previews.Add((JsonNode)new JsonObject { ["key"] = key, ["status"] = session is null ? "missing" : "ok", ["items"] = items });
        }

        return new JsonObject { ["ts"] = s.Info.NowMs, ["previews"] = previews };
    }

    private async ValueTask<JsonPayload> ResolveAsync(RpcContext ctx)
    {
        var p = ParamReader.Object(ctx);
        var raw = ParamReader.OptionalString(ctx, p, "sessionKey", SessionKey.MaxLength) ?? ParamReader.OptionalString(ctx, p, "key", SessionKey.MaxLength);
        var agent = a.Catalog.Find(ParamReader.OptionalString(ctx, p, "agentId", 64)) ?? throw RpcException.Invalid("unknown agent");
        var key = Resolve(ctx, raw, agent.Id);
        var session = await a.Sessions.GetAsync(key, ctx.CancellationToken);
        return new JsonObject
        {
            ["ok"] = true,
            ["key"] = key,
            ["agentId"] = SessionKey.AgentOf(key),
            ["exists"] = session is not null,
            ["sessionId"] = session?.SessionId,
            ["entry"] = session is null ? null : Row(session),
        };
    }

    private async ValueTask<JsonPayload> PatchAsync(RpcContext ctx)
    {
        var p = ParamReader.Object(ctx);
        var key = Resolve(ctx, ParamReader.RequiredString(ctx, p, "key", SessionKey.MaxLength), a.Catalog.DefaultAgent.Id);
        var session = await a.Sessions.GetAsync(key, ctx.CancellationToken) ?? throw RpcException.Invalid($"session not found: {key}");
        var thinking = ParamReader.OptionalString(ctx, p, "thinkingLevel", 32);
        if (thinking is not null && thinking is not ("off" or "minimal" or "low" or "medium" or "high"))
        {
            throw RpcException.InvalidParams(ctx.Method, "at /thinkingLevel: must be one of off, minimal, low, medium, high");
        }

        var updated = await a.Sessions.UpdateAsync(key, e =>
        {
            foreach (var prop in p.EnumerateObject())
            {
                if (prop.Name is "key" or "agentId")
                {
                    continue;
                }

                if (prop.Value.ValueKind == JsonValueKind.Null)
                {
                    e.Remove(prop.Name == "model" ? "modelOverride" : prop.Name);
                    continue;
                }

                if (prop.Name == "model")
                {
                    e["modelOverride"] = prop.Value.GetString();
                    e["modelOverrideSource"] = "user";
                }
                else if (Array.IndexOf(PatchableStrings, prop.Name) >= 0 && prop.Value.ValueKind == JsonValueKind.String)
                {
                    e[prop.Name] = prop.Value.GetString();
                }
                else if (prop.Value.ValueKind is JsonValueKind.True or JsonValueKind.False && prop.Name is "pinned" or "archived" or "unread" or "fastMode")
                {
                    e[prop.Name] = prop.Value.GetBoolean();
                }
            }
        }, ctx.CancellationToken);
        return new JsonObject { ["ok"] = true, ["key"] = key, ["entry"] = Row(updated ?? session) };
    }

    private async ValueTask<JsonPayload> ResetAsync(RpcContext ctx)
    {
        var p = ParamReader.Object(ctx);
        var agentId = ParamReader.OptionalString(ctx, p, "agentId", 64);
        var agent = a.Catalog.Find(agentId) ?? throw RpcException.Invalid($"unknown agent: {agentId}");
        var key = Resolve(ctx, ParamReader.RequiredString(ctx, p, "key", SessionKey.MaxLength), agent.Id);
        var reason = ParamReader.OptionalString(ctx, p, "reason", 16) ?? "reset";
        foreach (var run in a.Runtime.ActiveRuns(key))
        {
            run.Abort();
        }

        foreach (var run in a.Runtime.ActiveRuns(key))
        {
            await run.Completion.WaitAsync(TimeSpan.FromSeconds(15), s.Time, ctx.CancellationToken);
        }

        a.Processes.EndSession(key);
        var session = await a.Sessions.GetOrCreateAsync(key, SessionKey.AgentOf(key), agent.Workspace, ctx.CancellationToken);
        await a.Sessions.AppendAsync(session.SessionId, TranscriptEvents.Reset(reason, s.Time.GetUtcNow()), ctx.CancellationToken);
        var now = s.Info.NowMs;
        var updated = await a.Sessions.UpdateAsync(key, e =>
        {
            e["sessionStartedAt"] = now;
            e["inputTokens"] = 0;
            e["outputTokens"] = 0;
            e["totalTokens"] = 0;
            e["totalTokensFresh"] = true;
            e["compactionCount"] = 0;
            e["abortedLastRun"] = false;
            e["lifecycleRevision"] = ((long?)e["lifecycleRevision"] ?? 0) + 1;
            if ((string?)e["modelOverrideSource"] != "user")
            {
                e.Remove("modelOverride");
            }
        }, ctx.CancellationToken);
        return new JsonObject { ["ok"] = true, ["key"] = key, ["entry"] = Row(updated!) };
    }

    private async ValueTask<JsonPayload> DeleteAsync(RpcContext ctx)
    {
        var p = ParamReader.Object(ctx);
        var key = Resolve(ctx, ParamReader.RequiredString(ctx, p, "key", SessionKey.MaxLength), a.Catalog.DefaultAgent.Id);
        foreach (var run in a.Runtime.ActiveRuns(key))
        {
            run.Abort();
        }

        a.Processes.EndSession(key);
        var deleted = await a.Sessions.DeleteAsync(key, ParamReader.OptionalBool(ctx, p, "deleteTranscript") ?? true, ctx.CancellationToken);
        return new JsonObject { ["ok"] = true, ["key"] = key, ["deleted"] = deleted };
    }

    private async ValueTask<JsonPayload> CompactAsync(RpcContext ctx)
    {
        var p = ParamReader.Object(ctx);
        var key = Resolve(ctx, ParamReader.RequiredString(ctx, p, "key", SessionKey.MaxLength), a.Catalog.DefaultAgent.Id);
        var session = await a.Sessions.GetAsync(key, ctx.CancellationToken) ?? throw RpcException.Invalid($"session not found: {key}");
        var agent = a.Catalog.Find(session.AgentId) ?? a.Catalog.DefaultAgent;
        var instructions = ParamReader.OptionalString(ctx, p, "instructions", 4000);
        bool compacted;
        try
        {
            compacted = await a.Compactor.CompactAsync(session, new ModelCall((string?)session.Entry["modelOverride"] ?? agent.Model, agent.Fallbacks, false), null, ctx.CancellationToken, instructions);
        }
        catch (Exception ex) when (ex is SharpClaw.Providers.Abstractions.ProviderException or NoModelProviderException)
        {
            throw new RpcException(ErrorShape.Unavailable($"compaction failed: {ex.Message}"));
        }

        var after = await a.Sessions.GetAsync(key, ctx.CancellationToken);
        return new JsonObject { ["ok"] = true, ["key"] = key, ["compacted"] = compacted, ["compactionCount"] = after?.CompactionCount ?? 0 };
    }

    private async ValueTask<JsonPayload> ExportAsync(RpcContext ctx)
    {
        var p = ParamReader.Object(ctx, "key", "agentId");
        var key = Resolve(ctx, ParamReader.RequiredString(ctx, p, "key", SessionKey.MaxLength), a.Catalog.DefaultAgent.Id);
        var session = await a.Sessions.GetAsync(key, ctx.CancellationToken) ?? throw RpcException.Invalid($"session not found: {key}");
        using var writer = new StringWriter();
        await a.Sessions.ExportJsonlAsync(session.SessionId, writer, ctx.CancellationToken);
        return new JsonObject { ["key"] = key, ["sessionId"] = session.SessionId, ["format"] = "jsonl", ["jsonl"] = writer.ToString() };
    }

    private static string Resolve(RpcContext ctx, string? raw, string agentId)
    {
        try
        {
            return SessionKey.Resolve(raw, agentId);
        }
        catch (ArgumentException ex)
        {
            throw RpcException.InvalidParams(ctx.Method, ex.Message);
        }
    }

    internal static string TextOf(JsonObject message) => message["content"] switch
    {
        JsonArray parts => string.Join("", parts.OfType<JsonObject>().Select(p => (string?)p["type"] switch
        {
            "text" => (string?)p["text"] ?? string.Empty,
            "toolCall" => $"[tool {(string?)p["name"]}]",
            "image" => "[image]",
            _ => string.Empty,
        })),
        JsonNode n => n.GetValueKind() == JsonValueKind.String ? (string?)n ?? string.Empty : n.ToJsonString(),
        _ => string.Empty,
    };

    internal static string Day(long ms) => DateTimeOffset.FromUnixTimeMilliseconds(ms).UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
