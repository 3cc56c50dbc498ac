using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.AI;
using SharpClaw.Agents.Sessions;
using SharpClaw.Agents.Tools;
using SharpClaw.Agents.Workspace;
using SharpClaw.Providers.Abstractions;

namespace SharpClaw.Agents.Runs;

/// <summary>
/// One agent turn: persist the user message, build the prompt from the transcript, stream from the model,
/// run tool calls and feed results back until a final answer or the iteration cap. Every message is appended
/// to the transcript as it completes. Abort, timeout and provider errors end the run with the matching state.
/// </summary>
public sealed class AgentTurnRunner(SessionStore sessions, ToolRegistry tools, IModelInvoker models, Compactor compactor, TimeProvider time)
{
    /// <summary>What the transcript records as the result of a client tool call until the caller sends the real one.</summary>
    public const string ClientToolPlaceholder = "[handed to the client; its result arrives with the next user message]";

    /// <summary>The <c>session</c> config section (daily/idle reset policy); null → no automatic reset.</summary>
    public Func<System.Text.Json.Nodes.JsonObject?> SessionConfig { get; init; } = () => null;

    /// <summary>Context window of a model ref (for preflight compaction); default 200,000 tokens.</summary>
    public Func<string?, int> ContextWindowOf { get; init; } = _ => Compactor.DefaultContextWindow;

    /// <summary>The resolved config root for the tool policy pipeline (null → defaults: every registered tool).</summary>
    public Func<System.Text.Json.Nodes.JsonObject?> PolicyConfig { get; init; } = () => null;

    public async Task<AgentRunResult> RunAsync(AgentRunRequest request, AgentDefinition agent, string sessionKey, RunEventEmitter emitter, CancellationToken abort)
    {
        var startedAt = time.GetUtcNow().ToUnixTimeMilliseconds();
        emitter.Lifecycle("start", new JsonObject { ["startedAt"] = startedAt });
        var timeoutSeconds = request.TimeoutSeconds is > 0 ? request.TimeoutSeconds.Value : agent.TimeoutSeconds;
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(timeoutSeconds), time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(abort, timeout.Token);
        var ct = linked.Token;
        string? provider = null;
        string? model = null;
        var usage = TokenUsage.Zero;
        decimal cost = 0;
        var iterations = 0;
        var finalText = string.Empty;
        string? stopReason = null;
        SessionRecord? session = null;
        var pending = new List<PendingToolCall>();
        var sessionUpdated = false;
        try
        {
            WorkspaceBootstrap.EnsureRecently(agent.Workspace, time);
            session = await sessions.GetOrCreateAsync(sessionKey, agent.Id, agent.Workspace, CancellationToken.None);
            session = await ApplyResetPolicyAsync(session);
            await sessions.AppendAsync(session.SessionId, TranscriptEvents.Message(UserMessage(request), time.GetUtcNow()), CancellationToken.None);
            var thinking = request.Thinking ?? session.ThinkingLevel ?? agent.ThinkingDefault ?? "off";
            var modelCall = new ModelCall(request.Model ?? (string?)session.Entry["modelOverride"] ?? agent.Model, agent.Fallbacks, Strict: request.Model is not null)
            {
                OnModelSelected = (p, m) =>
                {
                    if (p != provider || m != model)
                    {
                        provider = p;
                        model = m;
                        emitter.Lifecycle("model", new JsonObject { ["provider"] = p, ["model"] = m });
                    }
                },
            };
            var runTools = SelectTools(request, agent, sessionKey, modelCall.Primary);
            var context = new ToolContext(agent.Id, sessionKey, request.RunId, agent.Workspace);
            var compactedForOverflow = false;
            while (true)
            {
                ct.ThrowIfCancellationRequested();
                if (++iterations > agent.MaxIterations)
                {
                    stopReason = "length";
                    break;
                }

                var transcript = await sessions.ReadTranscriptAsync(session.SessionId, CancellationToken.None);
                if (iterations == 1 && !compactedForOverflow && Compactor.ShouldCompact(transcript.ActiveMessageChars, ContextWindowOf(modelCall.Primary)))
                {
                    compactedForOverflow = await compactor.CompactAsync(session, modelCall, emitter, ct);
                    transcript = await sessions.ReadTranscriptAsync(session.SessionId, CancellationToken.None);
                }

                var messages = new List<ChatMessage>
                {
                    new(ChatRole.System, SystemPromptBuilder.Build(new SystemPromptContext
                    {
                        AgentId = agent.Id,
                        SessionKey = sessionKey,
                        Workspace = agent.Workspace,
                        Model = modelCall.Primary ?? "default",
                        Now = time.GetUtcNow(),
                        Time = time,
                        Channel = request.Channel,
                        Thinking = thinking,
                        ExtraSystemPrompt = request.ExtraSystemPrompt,
                        Subagent = sessionKey.Contains(":subagent:", StringComparison.Ordinal),
                        Tools = [.. runTools.Values.Select(t => (t.Name, t.Description))],
                    })),
                };
                messages.AddRange(transcript.BuildContext());
                var options = BuildOptions(runTools.Values, thinking);
                options.MaxOutputTokens = request.MaxOutputTokens;

                TurnOutput output;
                try
                {
                    output = await StreamAsync(modelCall, messages, options, emitter, ct);
                }
                catch (ProviderException ex) when (ex.Reason == FailoverReason.ContextOverflow && !compactedForOverflow)
                {
                    compactedForOverflow = true;
                    await compactor.CompactAsync(session, modelCall, emitter, ct);
                    iterations--;
                    continue;
                }

                var callUsage = output.Usage;
                var callCost = provider is not null && model is not null ? callUsage.CostUsd(models.CostOf(provider, model)) : 0m;
                usage = usage.Add(callUsage);
                cost += callCost;
                stopReason = output.Calls.Count > 0 ? "toolUse" : output.FinishReason ?? "stop";
                var reply = TranscriptEvents.Message(AssistantMessage(output, provider, model, stopReason, callUsage, callCost), time.GetUtcNow());
                var usageRecord = new UsageRecord(sessionKey, agent.Id, request.RunId, provider, model, callUsage.Input, callUsage.Output, callUsage.CacheRead, callUsage.CacheWrite, callCost, time.GetUtcNow().ToUnixTimeMilliseconds());
                if (output.Calls.Count == 0)
                {
                    // The final reply: its message, usage row and the session row's totals in one commit.
                    await sessions.AppendAsync(session.SessionId, reply, usageRecord, sessionKey, SessionUpdate(usage, cost, provider, model, "done"), CancellationToken.None);
                    sessionUpdated = true;
                }
                else
                {
                    await sessions.AppendAsync(session.SessionId, reply, usageRecord, CancellationToken.None);
                }
                if (callUsage.Total > 0)
                {
                    emitter.Usage(callUsage);
                }

                finalText = output.Text;
                if (output.Calls.Count == 0)
                {
                    break;
                }

                foreach (var call in output.Calls)
                {
                    ToolResult result;
                    if (runTools.GetValueOrDefault(call.Name) is IClientTool)
                    {
                        pending.Add(new PendingToolCall(call.CallId, call.Name, ArgumentsToJson(call.Arguments).ToJsonString()));
                        result = new ToolResult(ClientToolPlaceholder);
                    }
                    else
                    {
                        result = await RunToolAsync(call, runTools, context, emitter, ct);
                    }

                    await sessions.AppendAsync(session.SessionId, TranscriptEvents.Message(ToolResultMessage(call, result), time.GetUtcNow()), CancellationToken.None);
                }

                if (pending.Count > 0)
                {
                    stopReason = "tool_calls";
                    break;
                }

                emitter.NewAssistantTurn();
            }

            if (!sessionUpdated)
            {
                await UpdateSessionAsync(sessionKey, usage, cost, provider, model, "done");
            }

            var ended = time.GetUtcNow().ToUnixTimeMilliseconds();
            emitter.Lifecycle("end", new JsonObject { ["startedAt"] = startedAt, ["endedAt"] = ended, ["stopReason"] = stopReason });
            emitter.Final(finalText, usage, stopReason);
            return Result("ok");
        }
        catch (OperationCanceledException) when (abort.IsCancellationRequested || timeout.IsCancellationRequested)
        {
            // Tell clients first (abort must feel instant), then persist the partial message.
            var timedOut = !abort.IsCancellationRequested;
            var partial = emitter.Text;
            var ended = time.GetUtcNow().ToUnixTimeMilliseconds();
            if (timedOut)
            {
                emitter.Lifecycle("error", new JsonObject { ["startedAt"] = startedAt, ["endedAt"] = ended, ["error"] = "timeout", ["timeoutPhase"] = "run" });
                emitter.Error($"run timed out after {timeoutSeconds}s", "timeout", provider, model);
            }
            else
            {
                emitter.Lifecycle("end", new JsonObject { ["startedAt"] = startedAt, ["endedAt"] = ended, ["aborted"] = true, ["stopReason"] = "aborted" });
                emitter.Aborted(partial);
            }

            if (session is not null)
            {
                var partialMessage = AssistantMessage(new TurnOutput(partial, string.Empty, [], TokenUsage.Zero, null), provider, model, timedOut ? "error" : "aborted", TokenUsage.Zero, 0);
                if (timedOut)
                {
                    partialMessage["errorMessage"] = $"run timed out after {timeoutSeconds}s";
                }

                await sessions.AppendAsync(session.SessionId, TranscriptEvents.Message(partialMessage, time.GetUtcNow()), CancellationToken.None);
                await UpdateSessionAsync(sessionKey, usage, cost, provider, model, timedOut ? "timeout" : "killed", aborted: !timedOut);
            }

            return timedOut
                ? Result("timeout", error: "run timed out", errorKind: "timeout")
                : Result("aborted", stopReasonOverride: "aborted", text: partial);
        }
        catch (Exception ex) when (ex is ProviderException or NoModelProviderException or InvalidOperationException)
        {
            var kind = ex is ProviderException pe ? ErrorKind(pe.Reason) : "unknown";
            if (session is not null)
            {
                var errorMessage = AssistantMessage(new TurnOutput(emitter.Text, string.Empty, [], TokenUsage.Zero, null), provider, model, "error", TokenUsage.Zero, 0);
                errorMessage["errorMessage"] = ex.Message;
                await sessions.AppendAsync(session.SessionId, TranscriptEvents.Message(errorMessage, time.GetUtcNow()), CancellationToken.None);
                await UpdateSessionAsync(sessionKey, usage, cost, provider, model, "failed");
            }

            var ended = time.GetUtcNow().ToUnixTimeMilliseconds();
            emitter.Lifecycle("error", new JsonObject { ["startedAt"] = startedAt, ["endedAt"] = ended, ["error"] = ex.Message });
            emitter.Error(ex.Message, kind, provider, model);
            return Result("error", error: ex.Message, errorKind: kind);
        }

        AgentRunResult Result(string status, string? error = null, string? errorKind = null, string? stopReasonOverride = null, string? text = null) => new()
        {
            Status = status,
            Text = text ?? finalText,
            StopReason = stopReasonOverride ?? stopReason,
            Error = error,
            ErrorKind = errorKind,
            Usage = usage,
            CostUsd = cost,
            Provider = provider,
            Model = model,
            StartedAtMs = startedAt,
            EndedAtMs = time.GetUtcNow().ToUnixTimeMilliseconds(),
            Iterations = iterations,
            PendingToolCalls = pending,
        };
    }

    /// <summary>
    /// <c>session.reset</c> (openclaw-core §3.2): <c>daily</c> rolls the session over at <c>atHour</c> (default 4, UTC
    /// here), <c>idle</c> after <c>idleMinutes</c> without interaction. A rollover appends a <c>reset</c> entry and clears
    /// the token counters; the session id stays.
    /// </summary>
    private async Task<SessionRecord> ApplyResetPolicyAsync(SessionRecord session)
    {
        var reset = SessionConfig()?["reset"] as System.Text.Json.Nodes.JsonObject;
        if (reset is null)
        {
            return session;
        }

        var mode = (string?)reset["mode"] ?? "daily";
        var now = time.GetUtcNow();
        var started = (long?)session.Entry["sessionStartedAt"] ?? session.CreatedAtMs;
        var last = (long?)session.Entry["lastInteractionAt"] ?? started;
        string? reason = null;
        if (mode == "daily")
        {
            var atHour = Math.Clamp((int?)reset["atHour"] ?? 4, 0, 23);
            var boundary = new DateTimeOffset(now.UtcDateTime.Date.AddHours(atHour), TimeSpan.Zero);
            if (boundary > now)
            {
                boundary = boundary.AddDays(-1);
            }

            reason = started < boundary.ToUnixTimeMilliseconds() ? "daily" : null;
        }
        else if (mode == "idle" && (int?)reset["idleMinutes"] is > 0 and var minutes)
        {
            reason = now.ToUnixTimeMilliseconds() > last + (minutes * 60_000L) ? "idle" : null;
        }

        if (reason is null)
        {
            return session;
        }

        await sessions.AppendAsync(session.SessionId, TranscriptEvents.Reset(reason, now), CancellationToken.None);
        var nowMs = now.ToUnixTimeMilliseconds();
        return await sessions.UpdateAsync(session.Key, e =>
        {
            e["sessionStartedAt"] = nowMs;
            e["inputTokens"] = 0;
            e["outputTokens"] = 0;
            e["totalTokens"] = 0;
            e["compactionCount"] = 0;
        }, CancellationToken.None) ?? session;
    }

    private Dictionary<string, IAgentTool> SelectTools(AgentRunRequest request, AgentDefinition agent, string sessionKey, string? modelRef)
    {
        var slash = modelRef?.IndexOf('/', StringComparison.Ordinal) ?? -1;
        var policy = Tools.Policy.ToolPolicyPipeline.Evaluate(
            new Tools.Policy.ToolPolicyRequest
            {
                Config = PolicyConfig(),
                AgentId = agent.Id,
                Provider = slash > 0 ? modelRef![..slash] : null,
                Model = slash > 0 ? modelRef![(slash + 1)..] : null,
                Channel = request.Channel,
                SessionKey = sessionKey,
            },
            tools.All.Select(t => t.Name));
        var selected = new Dictionary<string, IAgentTool>(StringComparer.Ordinal);
        foreach (var t in tools.All)
        {
            if ((request.AllowedTools is null || request.AllowedTools.Contains(t.Name)) && policy.IsAllowed(t.Name))
            {
                selected[t.Name] = t;
            }
        }

        foreach (var t in request.ExtraTools)
        {
            selected[t.Name] = t;
        }

        return selected;
    }

    private static ChatOptions BuildOptions(IEnumerable<IAgentTool> runTools, string thinking)
    {
        var options = new ChatOptions
        {
            Tools = [.. runTools.Select(ToolDeclarations.Of)],
            AdditionalProperties = new AdditionalPropertiesDictionary { [ProviderOptionKeys.Thinking] = thinking },
        };
        options.Reasoning = thinking switch
        {
            "minimal" or "low" => new ReasoningOptions { Effort = ReasoningEffort.Low },
            "medium" => new ReasoningOptions { Effort = ReasoningEffort.Medium },
            "high" => new ReasoningOptions { Effort = ReasoningEffort.High },
            _ => null,
        };
        if (options.Tools.Count == 0)
        {
            options.Tools = null;
        }

        return options;
    }

    private async Task<TurnOutput> StreamAsync(ModelCall call, List<ChatMessage> messages, ChatOptions options, RunEventEmitter emitter, CancellationToken ct)
    {
        var text = new System.Text.StringBuilder();
        var reasoning = new System.Text.StringBuilder();
        var calls = new List<FunctionCallContent>();
        UsageDetails? usage = null;
        string? finish = null;
        await foreach (var update in models.StreamAsync(call, messages, options, ct).WithCancellation(ct))
        {
            foreach (var content in update.Contents)
            {
                switch (content)
                {
                    case TextReasoningContent r:
                        reasoning.Append(r.Text);
                        emitter.ThinkingDelta(r.Text ?? string.Empty);
                        break;
                    case TextContent t:
                        text.Append(t.Text);
                        emitter.AssistantDelta(t.Text ?? string.Empty);
                        break;
                    case FunctionCallContent f:
                        calls.Add(f);
                        break;
                    case UsageContent u:
                        usage ??= new UsageDetails();
                        usage.Add(u.Details);
                        break;
                }
            }

            if (update.FinishReason is { } fr)
            {
                finish = fr == ChatFinishReason.Length ? "length" : fr == ChatFinishReason.ToolCalls ? "toolUse" : "stop";
            }
        }

        return new TurnOutput(text.ToString(), reasoning.ToString(), calls, TokenUsage.From(usage), finish);
    }

    private static async Task<ToolResult> RunToolAsync(FunctionCallContent call, Dictionary<string, IAgentTool> runTools, ToolContext context, RunEventEmitter emitter, CancellationToken ct)
    {
        var args = ArgumentsToJson(call.Arguments);
        emitter.ToolStart(call.Name, call.CallId, args);
        ToolResult result;
        if (!runTools.TryGetValue(call.Name, out var tool))
        {
            result = ToolResult.Error($"unknown tool: {call.Name} (available: {string.Join(", ", runTools.Keys.Order(StringComparer.Ordinal))})");
        }
        else
        {
            try
            {
                result = (await tool.InvokeAsync(new ToolInvocation(call.CallId, call.Name, args, context), ct)).Capped();
            }
            catch (OperationCanceledException)
            {
                throw;
            }
            catch (Exception ex)
            {
                result = ToolResult.Error($"{call.Name} failed: {ex.Message}");
            }
        }

        emitter.ToolResult(call.Name, call.CallId, result.Text, result.IsError);
        return result;
    }

    internal static JsonObject ArgumentsToJson(IDictionary<string, object?>? arguments)
    {
        var o = new JsonObject();
        if (arguments is null)
        {
            return o;
        }

        foreach (var (k, v) in arguments)
        {
            o[k] = v switch
            {
                null => null,
                JsonElement e => JsonNode.Parse(e.GetRawText()),
                JsonNode n => n.DeepClone(),
                string s => JsonValue.Create(s),
                bool b => JsonValue.Create(b),
                int i => JsonValue.Create(i),
                long l => JsonValue.Create(l),
                double d => JsonValue.Create(d),
                _ => JsonValue.Create(v.ToString()),
            };
        }

        return o;
    }

    private JsonObject UserMessage(AgentRunRequest request)
    {
        JsonNode content = request.Message;
        if (request.Attachments.Count > 0)
        {
            var parts = new JsonArray();
            parts.Add((JsonNode)new JsonObject { ["type"] = "text", ["text"] = request.Message });
            foreach (var a in request.Attachments)
            {
                parts.Add((JsonNode)new JsonObject { ["type"] = "image", ["data"] = a.Base64Data, ["mimeType"] = a.MimeType });
            }

            content = parts;
        }

        return new JsonObject
        {
            ["role"] = "user",
            ["content"] = content,
            ["timestamp"] = time.GetUtcNow().ToUnixTimeMilliseconds(),
            ["idempotencyKey"] = request.RunId,
        };
    }

    private JsonObject AssistantMessage(TurnOutput output, string? provider, string? model, string stopReason, TokenUsage usage, decimal cost)
    {
        var content = new JsonArray();
        if (output.Reasoning.Length > 0)
        {
            content.Add((JsonNode)new JsonObject { ["type"] = "thinking", ["thinking"] = output.Reasoning });
        }

        if (output.Text.Length > 0)
        {
            content.Add((JsonNode)new JsonObject { ["type"] = "text", ["text"] = output.Text });
        }

        foreach (var call in output.Calls)
        {
            content.Add((JsonNode)new JsonObject { ["type"] = "toolCall", ["id"] = call.CallId, ["name"] = call.Name, ["arguments"] = ArgumentsToJson(call.Arguments) });
        }

        var usageNode = RunEventEmitter.UsageNode(usage);
        usageNode["cost"] = new JsonObject { ["total"] = (double)cost };
        var message = new JsonObject
        {
            ["role"] = "assistant",
            ["content"] = content,
            ["stopReason"] = stopReason,
            ["usage"] = usageNode,
            ["timestamp"] = time.GetUtcNow().ToUnixTimeMilliseconds(),
        };
        if (provider is not null)
        {
            message["provider"] = provider;
            message["model"] = model;
        }

        return message;
    }

    private JsonObject ToolResultMessage(FunctionCallContent call, ToolResult result)
    {
        var message = new JsonObject
        {
            ["role"] = "toolResult",
            ["toolCallId"] = call.CallId,
            ["toolName"] = call.Name,
            ["content"] = new JsonArray(new JsonObject { ["type"] = "text", ["text"] = result.Text }),
            ["isError"] = result.IsError,
            ["timestamp"] = time.GetUtcNow().ToUnixTimeMilliseconds(),
        };
        if (result.Details is not null)
        {
            message["details"] = result.Details.DeepClone();
        }

        return message;
    }

    private async Task UpdateSessionAsync(string key, TokenUsage usage, decimal cost, string? provider, string? model, string status, bool aborted = false)
        => await sessions.UpdateAsync(key, SessionUpdate(usage, cost, provider, model, status, aborted), CancellationToken.None);

    /// <summary>The session row's changes at the end of a run: token and cost totals, status, model.</summary>
    private Action<JsonObject> SessionUpdate(TokenUsage usage, decimal cost, string? provider, string? model, string status, bool aborted = false)
    {
        var now = time.GetUtcNow().ToUnixTimeMilliseconds();
        return e =>
        {
            e["inputTokens"] = ((long?)e["inputTokens"] ?? 0) + usage.Input;
            e["outputTokens"] = ((long?)e["outputTokens"] ?? 0) + usage.Output;
            e["cacheRead"] = ((long?)e["cacheRead"] ?? 0) + usage.CacheRead;
            e["cacheWrite"] = ((long?)e["cacheWrite"] ?? 0) + usage.CacheWrite;
            e["totalTokens"] = ((long?)e["totalTokens"] ?? 0) + usage.Total;
            e["estimatedCostUsd"] = ((double?)e["estimatedCostUsd"] ?? 0) + (double)cost;
            e["lastInteractionAt"] = now;
            e["status"] = status;
            e["endedAt"] = now;
            e["abortedLastRun"] = aborted;
            if (provider is not null)
            {
                e["modelProvider"] = provider;
                e["model"] = model;
            }
        };
    }

    private static string ErrorKind(FailoverReason reason) => reason switch
    {
        FailoverReason.RateLimit => "rate_limit",
        FailoverReason.ContextOverflow => "context_length",
        FailoverReason.Timeout => "timeout",
        _ => "unknown",
    };
}
