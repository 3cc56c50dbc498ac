using System.Text;
using System.Text.Json;
using Amazon.Runtime.EventStreams;
using Microsoft.Extensions.AI;
using SharpClaw.Providers.Common;
using SharpClaw.Providers.Abstractions;
using SharpClaw.Providers.Errors;

namespace SharpClaw.Providers.Bedrock;

/// <summary>
/// Turns ConverseStream events into <see cref="ChatResponseUpdate"/>s: <c>contentBlockDelta</c> text → text,
/// <c>reasoningContent</c> → reasoning (its signature as <see cref="TextReasoningContent.ProtectedData"/> when the
/// block stops), tool-use blocks (<c>contentBlockStart</c> + input deltas) → one function call at
/// <c>contentBlockStop</c>, <c>messageStop.stopReason</c> → finish reason, <c>metadata.usage</c> → usage with cache
/// reads/writes. Exception and error messages throw a classified <see cref="ProviderException"/>.
/// </summary>
internal sealed class BedrockStreamParser
{
    private readonly string _provider;
    private readonly string _model;
    private readonly string _responseId = "bedrock-" + Guid.NewGuid().ToString("N")[..12];
    private readonly Dictionary<long, BedrockToolUse> _toolUses = [];
    private readonly Dictionary<long, string> _signatures = [];

    public BedrockStreamParser(string provider, string model)
    {
        _provider = provider;
        _model = model;
    }

    public ChatResponseUpdate? Parse(EventStreamMessage message)
    {
        var messageType = Header(message, ":message-type") ?? "event";
        if (messageType == "exception")
        {
            var type = Header(message, ":exception-type") ?? "exception";
            throw BedrockErrors.FromStreamException(_provider, _model, type, MessageOf(message.Payload));
        }

        if (messageType == "error")
        {
            var text = $"{Header(message, ":error-code") ?? "error"}: {Header(message, ":error-message") ?? "(no message)"}";
            throw ProviderErrors.FromText(_provider, _model, text, FailoverReason.ServerError);
        }

        if (message.Payload is not { Length: > 0 })
        {
            return null;
        }

        using var doc = JsonDocument.Parse(message.Payload);
        var payload = doc.RootElement;
        return Header(message, ":event-type") switch
        {
            "contentBlockStart" => Start(payload),
            "contentBlockDelta" => Delta(payload),
            "contentBlockStop" => Stop(payload),
            "messageStop" => Update([], Finish(ProviderJson.String(payload, "stopReason"))),
            "metadata" => BedrockJson.TryGetObject(payload, "usage", out var usage) ? Update([new UsageContent(ReadUsage(usage))]) : null,
            _ => null,
        };
    }

    private ChatResponseUpdate? Start(JsonElement payload)
    {
        if (BedrockJson.TryGetObject(payload, "start", out var start) && BedrockJson.TryGetObject(start, "toolUse", out var toolUse))
        {
            _toolUses[Index(payload)] = new BedrockToolUse(ProviderJson.String(toolUse, "toolUseId") ?? "tooluse_" + Guid.NewGuid().ToString("N")[..16], ProviderJson.String(toolUse, "name") ?? string.Empty);
        }

        return null;
    }

    private ChatResponseUpdate? Delta(JsonElement payload)
    {
        if (!BedrockJson.TryGetObject(payload, "delta", out var delta))
        {
            return null;
        }

        if (ProviderJson.String(delta, "text") is { Length: > 0 } text)
        {
            return Update([new TextContent(text)]);
        }

        if (BedrockJson.TryGetObject(delta, "toolUse", out var toolUse) && _toolUses.TryGetValue(Index(payload), out var pending))
        {
            pending.Input.Append(ProviderJson.String(toolUse, "input"));
            return null;
        }

        if (BedrockJson.TryGetObject(delta, "reasoningContent", out var reasoning))
        {
            if (ProviderJson.String(reasoning, "signature") is { Length: > 0 } signature)
            {
                _signatures[Index(payload)] = signature;
            }

            if (ProviderJson.String(reasoning, "text") is { Length: > 0 } thought)
            {
                return Update([new TextReasoningContent(thought)]);
            }
        }

        return null;
    }

    private ChatResponseUpdate? Stop(JsonElement payload)
    {
        var index = Index(payload);
        if (_toolUses.Remove(index, out var toolUse))
        {
            return Update([new FunctionCallContent(toolUse.Id, toolUse.Name, BedrockJson.ParseArguments(toolUse.Input.ToString()))]);
        }

        return _signatures.Remove(index, out var signature)
            ? Update([new TextReasoningContent(string.Empty) { ProtectedData = signature }])
            : null;
    }

    private ChatResponseUpdate Update(List<AIContent> contents, ChatFinishReason? finish = null)
        => new(ChatRole.Assistant, contents) { ResponseId = _responseId, MessageId = _responseId, ModelId = _model, FinishReason = finish };

    private static ChatFinishReason Finish(string? stopReason) => stopReason switch
    {
        "tool_use" => ChatFinishReason.ToolCalls,
        "max_tokens" or "model_context_window_exceeded" => ChatFinishReason.Length,
        "guardrail_intervened" or "content_filtered" => ChatFinishReason.ContentFilter,
        null or "" or "end_turn" or "stop_sequence" => ChatFinishReason.Stop,
        _ => new ChatFinishReason(stopReason),
    };

    /// <summary>Converse reports <c>inputTokens</c> without cache reads/writes, which come separately.</summary>
    private static UsageDetails ReadUsage(JsonElement usage)
    {
        var input = ProviderJson.Long(usage, "inputTokens") ?? 0;
        var output = ProviderJson.Long(usage, "outputTokens") ?? 0;
        var cacheRead = ProviderJson.Long(usage, "cacheReadInputTokens") ?? 0;
        var cacheWrite = ProviderJson.Long(usage, "cacheWriteInputTokens") ?? 0;
        return new UsageDetails
        {
            InputTokenCount = input,
            OutputTokenCount = output,
            TotalTokenCount = ProviderJson.Long(usage, "totalTokens") ?? input + output + cacheRead + cacheWrite,
            CachedInputTokenCount = cacheRead,
            AdditionalCounts = new() { [TokenUsage.CacheReadKey] = cacheRead, [TokenUsage.CacheWriteKey] = cacheWrite },
        };
    }

    private static long Index(JsonElement payload) => ProviderJson.Long(payload, "contentBlockIndex") ?? 0;

    private static string? Header(EventStreamMessage message, string name)
        => message.Headers.TryGetValue(name, out var header) ? header.AsString() : null;

    private static string? MessageOf(byte[]? payload)
    {
        if (payload is not { Length: > 0 })
        {
            return null;
        }

        try
        {
            using var doc = JsonDocument.Parse(payload);
            return ProviderJson.String(doc.RootElement, "message") ?? ProviderJson.String(doc.RootElement, "Message") ?? doc.RootElement.GetRawText();
        }
        catch (JsonException)
        {
            return Encoding.UTF8.GetString(payload);
        }
    }
}
