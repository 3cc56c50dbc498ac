using System.Text.Json;
using System.Text.Json.Nodes;
using SharpClaw.Agents.Runs;
using SharpClaw.Agents.Sessions;
using SharpClaw.Gateway.Agents;
using SharpClaw.Gateway.Rpc;
using SharpClaw.Gateway.Runtime;
using SharpClaw.Protocol.Frames;

namespace SharpClaw.Gateway.Methods;

/// <summary><c>agent</c>, <c>agent.wait</c>, <c>chat.send</c>, <c>chat.history</c>, <c>chat.abort</c>, <c>chat.inject</c>, <c>poll</c>, <c>wake</c>.</summary>
public sealed class AgentMethods(GatewayServices s, AgentServices a)
{
    private const int MaxMessageChars = 1_000_000;

    public void Register(MethodRegistry registry)
    {
        registry.Add("agent", AgentAsync);
        registry.Add("agent.wait", WaitAsync);
        registry.Add("chat.send", ChatSendAsync);
        registry.Add("chat.history", HistoryAsync);
        registry.Add("chat.abort", AbortAsync);
        registry.Add("chat.inject", InjectAsync, advertise: false);
        registry.Add("poll", PollAsync, advertise: false);
        registry.Add("wake", WakeAsync);
    }

    private async ValueTask<JsonPayload> AgentAsync(RpcContext ctx)
    {
        var p = ParamReader.Object(ctx);
        var request = ReadRunRequest(ctx, p, "message");
        var run = StartRun(request);
        ctx.SendInterim(RunPayloads.Accepted(run));
        var result = await run.Completion.WaitAsync(ctx.CancellationToken);
        if (result.Status == "error")
        {
            throw new RpcException(
                new ErrorShape(ErrorCodes.Unavailable, result.Error ?? "agent run failed", new JsonObject { ["errorKind"] = result.ErrorKind }),
                new JsonObject { ["runId"] = run.RunId, ["status"] = "error", ["summary"] = "failed" });
        }

        return RunPayloads.Final(run, result);
    }

    private async ValueTask<JsonPayload> WaitAsync(RpcContext ctx)
    {
        var p = ParamReader.Object(ctx);
        var timeoutMs = ParamReader.OptionalLong(ctx, p, "timeoutMs", 0, 86_400_000) ?? 30_000;
        AgentRun run;
        if (ParamReader.OptionalString(ctx, p, "runId", 256) is { } runId && ParamReader.OptionalString(ctx, p, "message") is null)
        {
            run = a.Runtime.Find(runId) ?? throw RpcException.Invalid("agent run was not found");
        }
        else
        {
            run = StartRun(ReadRunRequest(ctx, p, "message"));
        }

        try
        {
            var result = await run.Completion.WaitAsync(TimeSpan.FromMilliseconds(timeoutMs), s.Time, ctx.CancellationToken);
            return RunPayloads.Wait(run, result);
        }
        catch (TimeoutException)
        {
            return RunPayloads.Wait(run, null);
        }
    }

    private ValueTask<JsonPayload> ChatSendAsync(RpcContext ctx)
    {
        var p = ParamReader.Object(ctx);
        var field = p.ValueKind == JsonValueKind.Object && p.TryGetProperty("message", out _) ? "message" : "text";
        var request = ReadRunRequest(ctx, p, field);
        var existing = a.Runtime.Find(request.RunId);
        if (existing is not null)
        {
            return ValueTask.FromResult(JsonPayload.From(new JsonObject
            {
                ["ok"] = true,
                ["runId"] = existing.RunId,
                ["status"] = existing.IsEnded ? "ok" : "in_flight",
            }));
        }

        var run = StartRun(request);
        return ValueTask.FromResult(JsonPayload.From(new JsonObject { ["ok"] = true, ["runId"] = run.RunId, ["status"] = "started" }));
    }

    private async ValueTask<JsonPayload> HistoryAsync(RpcContext ctx)
    {
        var p = ParamReader.Object(ctx);
        var agentId = ParamReader.OptionalString(ctx, p, "agentId", 64);
        var key = ResolveKey(ctx, ParamReader.OptionalString(ctx, p, "sessionKey", SessionKey.MaxLength), agentId);
        var limit = (int)(ParamReader.OptionalLong(ctx, p, "limit", 1, 1000) ?? 200);
        var session = await a.Sessions.GetAsync(key, ctx.CancellationToken);
        var messages = new JsonArray();
        if (session is not null)
        {
            var events = await a.Sessions.ReadEventsAsync(session.SessionId, ctx.CancellationToken);
            foreach (var m in events.Where(e => (string?)e["type"] == "message").TakeLast(limit))
            {
                var msg = (JsonObject)m["message"]!.DeepClone();
                msg["id"] = (string?)m["id"];
                messages.Add((JsonNode)msg);
            }
        }

        var result = new JsonObject
        {
            ["sessionKey"] = key,
            ["sessionId"] = session?.SessionId,
            ["messages"] = messages,
            ["totalMessages"] = messages.Count,
            ["thinkingLevel"] = session?.ThinkingLevel ?? "off",
            ["sessionInfo"] = session is null ? null : SessionMethods.Row(session),
        };
        var active = a.Runtime.ActiveRuns(key).FirstOrDefault(r => r.Phase == "running");
        if (active is not null)
        {
            result["inFlightRun"] = new JsonObject { ["runId"] = active.RunId, ["startedAt"] = active.StartedAtMs };
        }

        return result;
    }

    private ValueTask<JsonPayload> AbortAsync(RpcContext ctx)
    {
        var p = ParamReader.Object(ctx);
        var key = ResolveKey(ctx, ParamReader.OptionalString(ctx, p, "sessionKey", SessionKey.MaxLength), ParamReader.OptionalString(ctx, p, "agentId", 64));
        var runIds = a.Runtime.Abort(key, ParamReader.OptionalString(ctx, p, "runId", 256));
        return ValueTask.FromResult(JsonPayload.From(new JsonObject { ["ok"] = true, ["aborted"] = runIds.Count > 0, ["runIds"] = JsonNodes.StringArray(runIds) }));
    }

    private async ValueTask<JsonPayload> InjectAsync(RpcContext ctx)
    {
        var p = ParamReader.Object(ctx);
        var agentId = ParamReader.OptionalString(ctx, p, "agentId", 64);
        var agent = a.Catalog.Find(agentId) ?? throw RpcException.Invalid($"unknown agent: {agentId}");
        var key = ResolveKey(ctx, ParamReader.RequiredString(ctx, p, "sessionKey", SessionKey.MaxLength), agent.Id);
        var text = ParamReader.RequiredString(ctx, p, "message", MaxMessageChars);
        var session = await a.Sessions.GetOrCreateAsync(key, agent.Id, agent.Workspace, ctx.CancellationToken);
        var message = new JsonObject
        {
            ["role"] = "assistant",
            ["content"] = new JsonArray(new JsonObject { ["type"] = "text", ["text"] = text }),
            ["stopReason"] = "stop",
            ["timestamp"] = s.Info.NowMs,
            ["provenance"] = "chat.inject",
        };
        if (ParamReader.OptionalString(ctx, p, "label", 512) is { } label)
        {
            message["label"] = label;
        }

        var stored = await a.Sessions.AppendAsync(session.SessionId, SharpClaw.Agents.Sessions.TranscriptEvents.Message(message, s.Time.GetUtcNow()), ctx.CancellationToken);
        return new JsonObject { ["ok"] = true, ["sessionKey"] = key, ["messageId"] = (string?)stored["id"] };
    }

    private ValueTask<JsonPayload> PollAsync(RpcContext ctx)
    {
        var p = ParamReader.Object(ctx);
        var key = ResolveKey(ctx, ParamReader.OptionalString(ctx, p, "sessionKey", SessionKey.MaxLength), ParamReader.OptionalString(ctx, p, "agentId", 64));
        var runs = new JsonArray();
        foreach (var r in a.Runtime.ActiveRuns(key))
        {
            runs.Add((JsonNode)new JsonObject { ["runId"] = r.RunId, ["phase"] = r.Phase, ["acceptedAt"] = r.AcceptedAtMs });
        }

        var events = new JsonArray();
        foreach (var e in a.SystemEvents.Peek(key))
        {
            events.Add((JsonNode)new JsonObject { ["text"] = e.Text, ["source"] = e.Source, ["ts"] = e.TsMs, ["mode"] = e.Mode });
        }

        return ValueTask.FromResult(JsonPayload.From(new JsonObject { ["sessionKey"] = key, ["runs"] = runs, ["systemEvents"] = events }));
    }

    private ValueTask<JsonPayload> WakeAsync(RpcContext ctx)
    {
        var p = ParamReader.Object(ctx);
        var mode = ParamReader.OptionalString(ctx, p, "mode", 32) ?? "now";
        if (mode is not ("now" or "next-heartbeat"))
        {
            throw RpcException.InvalidParams(ctx.Method, "at /mode: must be \"now\" or \"next-heartbeat\"");
        }

        var text = ParamReader.OptionalString(ctx, p, "text", 10_000) ?? "Wake up: check for anything that needs attention.";
        var agent = a.Catalog.Find(ParamReader.OptionalString(ctx, p, "agentId", 64)) ?? a.Catalog.DefaultAgent;
        var key = ResolveKey(ctx, ParamReader.OptionalString(ctx, p, "sessionKey", SessionKey.MaxLength), agent.Id);
        a.SystemEvents.Enqueue(key, new SystemEvent(text, "wake", s.Info.NowMs, mode));
        return ValueTask.FromResult(JsonPayload.From(new JsonObject { ["ok"] = true, ["mode"] = mode, ["sessionKey"] = key }));
    }

    private AgentRun StartRun(AgentRunRequest request)
    {
        try
        {
            var sessionKey = SessionKey.Resolve(request.SessionKey, (a.Catalog.Find(request.AgentId) ?? a.Catalog.DefaultAgent).Id);
            var pending = a.SystemEvents.Drain(sessionKey);
            if (pending.Count > 0)
            {
                var notes = string.Join("\n", pending.Select(e => $"System ({e.Source}): {e.Text}"));
                request = request with { ExtraSystemPrompt = string.IsNullOrEmpty(request.ExtraSystemPrompt) ? notes : request.ExtraSystemPrompt + "\n\n" + notes };
            }

            return a.Runtime.Start(request).Run;
        }
        catch (ArgumentException ex)
        {
            throw RpcException.Invalid(ex.Message);
        }
    }

    private AgentRunRequest ReadRunRequest(RpcContext ctx, JsonElement p, string messageField)
    {
        var message = ParamReader.RequiredString(ctx, p, messageField, MaxMessageChars);
        var runId = ParamReader.OptionalString(ctx, p, "idempotencyKey", 256) ?? ParamReader.OptionalString(ctx, p, "runId", 256) ?? Guid.NewGuid().ToString();
        var agentId = ParamReader.OptionalString(ctx, p, "agentId", 64);
        if (agentId is not null && a.Catalog.Find(agentId) is null)
        {
            throw new RpcException(ErrorShape.InvalidRequest($"unknown agent: {agentId} (see agents.list)", new JsonObject { ["code"] = "UNKNOWN_AGENT_ID" }));
        }

        var thinking = ParamReader.OptionalString(ctx, p, "thinking", 32);
        if (thinking is not null && thinking is not ("off" or "minimal" or "low" or "medium" or "high"))
        {
            throw RpcException.InvalidParams(ctx.Method, "at /thinking: must be one of off, minimal, low, medium, high");
        }

        var timeout = ParamReader.OptionalLong(ctx, p, "timeout", 0, 172_800) ?? (ParamReader.OptionalLong(ctx, p, "timeoutMs", 0, 172_800_000) is { } ms ? ms / 1000 : null);
        return new AgentRunRequest
        {
            RunId = runId,
            Message = message,
            AgentId = agentId,
            SessionKey = ParamReader.OptionalString(ctx, p, "sessionKey", SessionKey.MaxLength),
            Model = ParamReader.OptionalString(ctx, p, "model", 256),
            Thinking = thinking,
            ExtraSystemPrompt = ParamReader.OptionalString(ctx, p, "extraSystemPrompt", 100_000),
            TimeoutSeconds = timeout is > 0 ? (int)timeout : null,
            Channel = ParamReader.OptionalString(ctx, p, "channel", 64) ?? "webchat",
            Attachments = ReadAttachments(ctx, p),
        };
    }

    private static IReadOnlyList<RunAttachment> ReadAttachments(RpcContext ctx, JsonElement p)
    {
        if (p.ValueKind != JsonValueKind.Object || !p.TryGetProperty("attachments", out var arr) || arr.ValueKind != JsonValueKind.Array)
        {
            return [];
        }

        var list = new List<RunAttachment>();
        foreach (var item in arr.EnumerateArray())
        {
            var mime = item.TryGetProperty("mimeType", out var m) ? m.GetString() : null;
            var content = item.TryGetProperty("content", out var c) ? c.GetString() : null;
            if (mime is null || content is null || !mime.StartsWith("image/", StringComparison.Ordinal))
            {
                throw RpcException.InvalidParams(ctx.Method, "at /attachments: each attachment needs an image mimeType and base64 content");
            }

            if (content.Length > 8_388_608)
            {
                throw RpcException.InvalidParams(ctx.Method, "at /attachments: image larger than 6 MB");
            }

            list.Add(new RunAttachment(mime, content, item.TryGetProperty("fileName", out var f) ? f.GetString() : null));
        }

        return list;
    }

    private string ResolveKey(RpcContext ctx, string? key, string? agentId)
    {
        try
        {
            var agent = a.Catalog.Find(agentId) ?? a.Catalog.DefaultAgent;
            return SessionKey.Resolve(key, agent.Id);
        }
        catch (ArgumentException ex)
        {
            throw RpcException.InvalidParams(ctx.Method, ex.Message);
        }
    }
}
