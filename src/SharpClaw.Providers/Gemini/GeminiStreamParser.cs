using System.Text.Json;
using Microsoft.Extensions.AI;
using SharpClaw.Providers.Common;
using SharpClaw.Providers.Abstractions;

namespace SharpClaw.Providers.Gemini;

/// <summary>
/// Turns one SSE <c>data:</c> payload (a <c>GenerateContentResponse</c>) into a <see cref="ChatResponseUpdate"/>:
/// <c>parts[].text</c> → text, parts with <c>thought: true</c> → reasoning, <c>functionCall</c> → a function call
/// (its <c>thoughtSignature</c> kept in <see cref="AIContent.AdditionalProperties"/>), <c>finishReason</c> → finish
/// reason. <c>usageMetadata</c> is cumulative; the last one is reported once by <see cref="UsageUpdate"/>.
/// An <c>error</c> object throws a classified <see cref="ProviderException"/>.
/// </summary>
internal sealed class GeminiStreamParser
{
    private readonly string _provider;
    private readonly string _model;
    private readonly string _fallbackId;
    private bool _sawToolCall;
    private UsageDetails? _usage;
    private string? _responseId;

    public GeminiStreamParser(string provider, string model)
    {
        _provider = provider;
        _model = model;
        _fallbackId = "gemini-" + Guid.NewGuid().ToString("N")[..12];
    }

    public ChatResponseUpdate Parse(string data)
    {
        using var doc = JsonDocument.Parse(data);
        var root = doc.RootElement;
        if (root.TryGetProperty("error", out var error))
        {
            throw GeminiErrors.FromStreamError(_provider, _model, error.GetRawText());
        }

        _responseId ??= ProviderJson.String(root, "responseId");
        var contents = new List<AIContent>();
        var update = new ChatResponseUpdate(ChatRole.Assistant, contents)
        {
            ResponseId = _responseId ?? _fallbackId,
            MessageId = _responseId ?? _fallbackId,
            ModelId = ProviderJson.String(root, "modelVersion") ?? _model,
        };

        if (root.TryGetProperty("usageMetadata", out var usage) && usage.ValueKind == JsonValueKind.Object)
        {
            _usage = ReadUsage(usage);
        }

        if (root.TryGetProperty("candidates", out var candidates) && candidates.ValueKind == JsonValueKind.Array && candidates.GetArrayLength() > 0)
        {
            var candidate = candidates[0];
            if (candidate.TryGetProperty("content", out var content) && content.TryGetProperty("parts", out var parts) && parts.ValueKind == JsonValueKind.Array)
            {
                foreach (var part in parts.EnumerateArray())
                {
                    if (ReadPart(part) is { } item)
                    {
                        contents.Add(item);
                    }
                }
            }

            if (ProviderJson.String(candidate, "finishReason") is { Length: > 0 } finish)
            {
                update.FinishReason = MapFinish(finish);
            }
        }
        else if (root.TryGetProperty("promptFeedback", out var feedback) && ProviderJson.String(feedback, "blockReason") is { Length: > 0 })
        {
            update.FinishReason = ChatFinishReason.ContentFilter;
        }

        return update;
    }

    /// <summary>The final usage (after the stream ended), or null when the provider sent none.</summary>
    public ChatResponseUpdate? UsageUpdate()
        => _usage is null
            ? null
            : new ChatResponseUpdate(ChatRole.Assistant, [new UsageContent(_usage)]) { ResponseId = _responseId ?? _fallbackId, MessageId = _responseId ?? _fallbackId, ModelId = _model };

    private AIContent? ReadPart(JsonElement part)
    {
        var signature = ProviderJson.String(part, GeminiContentMapper.ThoughtSignatureKey);
        if (part.TryGetProperty("functionCall", out var call))
        {
            _sawToolCall = true;
            var id = ProviderJson.String(call, "id") is { Length: > 0 } given ? given : "call_" + Guid.NewGuid().ToString("N")[..16];
            var args = call.TryGetProperty("args", out var a) ? ProviderJson.Properties(a) : [];
            var function = new FunctionCallContent(id, ProviderJson.String(call, "name") ?? string.Empty, args);
            if (signature is not null)
            {
                function.AdditionalProperties = new() { [GeminiContentMapper.ThoughtSignatureKey] = signature };
            }

            return function;
        }

        if (ProviderJson.String(part, "text") is not { } text)
        {
            return null;
        }

        var thought = part.TryGetProperty("thought", out var flag) && flag.ValueKind == JsonValueKind.True;
        if (thought)
        {
            return new TextReasoningContent(text) { ProtectedData = signature };
        }

        return text.Length == 0 ? null : new TextContent(text);
    }

    private ChatFinishReason MapFinish(string finish) => finish switch
    {
        "STOP" or "FINISH_REASON_UNSPECIFIED" => _sawToolCall ? ChatFinishReason.ToolCalls : ChatFinishReason.Stop,
        "MAX_TOKENS" => ChatFinishReason.Length,
        "SAFETY" or "RECITATION" or "BLOCKLIST" or "PROHIBITED_CONTENT" or "SPII" or "IMAGE_SAFETY" => ChatFinishReason.ContentFilter,
        _ => new ChatFinishReason(finish.ToLowerInvariant()),
    };

    /// <summary>
    /// <c>promptTokenCount</c> includes <c>cachedContentTokenCount</c>: input is the uncached rest; thoughts are
    /// billed as output, so output = <c>candidatesTokenCount</c> + <c>thoughtsTokenCount</c>.
    /// </summary>
    private static UsageDetails ReadUsage(JsonElement usage)
    {
        var prompt = (ProviderJson.Long(usage, "promptTokenCount") ?? 0) + (ProviderJson.Long(usage, "toolUsePromptTokenCount") ?? 0);
        var cached = ProviderJson.Long(usage, "cachedContentTokenCount") ?? 0;
        var thoughts = ProviderJson.Long(usage, "thoughtsTokenCount") ?? 0;
        var output = (ProviderJson.Long(usage, "candidatesTokenCount") ?? 0) + thoughts;
        return new UsageDetails
        {
            InputTokenCount = Math.Max(0, prompt - cached),
            OutputTokenCount = output,
            TotalTokenCount = ProviderJson.Long(usage, "totalTokenCount") ?? prompt + output,
            CachedInputTokenCount = cached,
            ReasoningTokenCount = thoughts,
            AdditionalCounts = new() { [TokenUsage.CacheReadKey] = cached, [TokenUsage.CacheWriteKey] = 0 },
        };
    }
}
