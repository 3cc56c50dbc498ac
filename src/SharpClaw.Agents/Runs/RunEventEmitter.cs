using System.Text.Json.Nodes;
using SharpClaw.Providers.Abstractions;

namespace SharpClaw.Agents.Runs;

/// <summary>
/// Turns a run's progress into <c>agent</c> events (lifecycle / assistant / thinking / tool streams with a
/// per-run seq starting at 1) and the derived <c>chat</c> events (delta with deltaText, final, aborted, error)
/// of ws-protocol §8.
/// </summary>
public sealed class RunEventEmitter(IAgentEventSink sink, TimeProvider time, string runId, string sessionKey, string agentId)
{
    private long _seq;
    private string _text = string.Empty;
    private string _thinking = string.Empty;

    public string Text => _text;

    private long Now => time.GetUtcNow().ToUnixTimeMilliseconds();

    public void Lifecycle(string phase, JsonObject? data = null)
    {
        data ??= [];
        data["phase"] = phase;
        Agent("lifecycle", data);
    }

    public void AssistantDelta(string delta)
    {
        if (delta.Length == 0)
        {
            return;
        }

        _text += delta;
        var seq = Agent("assistant", new JsonObject { ["text"] = _text, ["delta"] = delta });
        var chat = ChatBase("delta", seq);
        chat["deltaText"] = delta;
        chat["message"] = AssistantMessage(_text);
        sink.Publish("chat", chat, dropIfSlow: true);
    }

    /// <summary>Starts a new assistant message after tool calls (the cumulative text restarts).</summary>
    public void NewAssistantTurn() => _text = string.Empty;

    public void ThinkingDelta(string delta)
    {
        if (delta.Length == 0)
        {
            return;
        }

        _thinking += delta;
        Agent("thinking", new JsonObject { ["text"] = _thinking, ["delta"] = delta });
    }

    public void ToolStart(string name, string toolCallId, JsonObject args)
        => Agent("tool", new JsonObject { ["phase"] = "start", ["name"] = name, ["toolCallId"] = toolCallId, ["args"] = args.DeepClone() });

    public void ToolResult(string name, string toolCallId, string result, bool isError)
        => Agent("tool", new JsonObject
        {
            ["phase"] = "result",
            ["name"] = name,
            ["toolCallId"] = toolCallId,
            ["meta"] = new JsonObject(),
            ["isError"] = isError,
            ["commandBearing"] = false,
            ["result"] = result,
        });

    public void Usage(TokenUsage usage) => Agent("usage", UsageNode(usage));

    public void Final(string text, TokenUsage usage, string? stopReason)
    {
        var chat = ChatBase("final", _seq);
        chat["message"] = AssistantMessage(text);
        chat["usage"] = UsageNode(usage);
        if (stopReason is not null)
        {
            chat["stopReason"] = stopReason;
        }

        sink.Publish("chat", chat, dropIfSlow: false);
    }

    public void Aborted(string text)
    {
        var chat = ChatBase("aborted", _seq);
        if (text.Length > 0)
        {
            chat["message"] = AssistantMessage(text);
        }

        chat["stopReason"] = "aborted";
        sink.Publish("chat", chat, dropIfSlow: false);
    }

    public void Error(string message, string errorKind, string? provider, string? model)
    {
        var chat = ChatBase("error", _seq);
        chat["errorMessage"] = message;
        chat["errorKind"] = errorKind;
        var detail = new JsonObject();
        if (provider is not null)
        {
            detail["provider"] = provider;
        }

        if (model is not null)
        {
            detail["model"] = model;
        }

        chat["errorDetail"] = detail;
        sink.Publish("chat", chat, dropIfSlow: false);
    }

    public static JsonObject UsageNode(TokenUsage u) => new()
    {
        ["input"] = u.Input,
        ["output"] = u.Output,
        ["cacheRead"] = u.CacheRead,
        ["cacheWrite"] = u.CacheWrite,
        ["totalTokens"] = u.Total,
    };

    private JsonObject AssistantMessage(string text) => new()
    {
        ["role"] = "assistant",
        ["content"] = new JsonArray(new JsonObject { ["type"] = "text", ["text"] = text }),
        ["timestamp"] = Now,
    };

    private long Agent(string stream, JsonObject data)
    {
        var seq = Interlocked.Increment(ref _seq);
        sink.Publish("agent", new JsonObject
        {
            ["runId"] = runId,
            ["stream"] = stream,
            ["seq"] = seq,
            ["ts"] = Now,
            ["sessionKey"] = sessionKey,
            ["agentId"] = agentId,
            ["data"] = data,
        }, dropIfSlow: false);
        return seq;
    }

    private JsonObject ChatBase(string state, long seq) => new()
    {
        ["runId"] = runId,
        ["sessionKey"] = sessionKey,
        ["agentId"] = agentId,
        ["seq"] = seq,
        ["state"] = state,
    };
}
