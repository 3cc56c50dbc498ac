using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.AI;
using SharpClaw.Providers.Abstractions;
using SharpClaw.Providers.Errors;

namespace SharpClaw.Providers.Ollama;

/// <summary>
/// Turns one NDJSON line of an Ollama <c>/api/chat</c> stream into a <see cref="ChatResponseUpdate"/>:
/// <c>message.thinking</c> → reasoning, <c>message.content</c> → text, <c>message.tool_calls</c> (whole calls,
/// arguments as an object) → function calls, and the final <c>done:true</c> line → finish reason plus usage from
/// <c>prompt_eval_count</c>/<c>eval_count</c>. An <c>{"error":…}</c> line throws a classified <see cref="ProviderException"/>.
/// </summary>
internal sealed class OllamaStreamParser
{
    private readonly string _provider;
    private readonly string _model;
    private readonly string _responseId;
    private bool _sawToolCall;

    public OllamaStreamParser(string provider, string model, string responseId)
    {
        _provider = provider;
        _model = model;
        _responseId = responseId;
    }

    public ChatResponseUpdate Parse(string line)
    {
        using var doc = JsonDocument.Parse(line);
        var root = doc.RootElement;
        if (root.TryGetProperty("error", out var error))
        {
            var text = error.ValueKind == JsonValueKind.String ? error.GetString() ?? string.Empty : error.GetRawText();
            throw ProviderErrors.FromText(_provider, _model, text, FailoverReason.ServerError);
        }

        var contents = new List<AIContent>();
        if (root.TryGetProperty("message", out var message) && message.ValueKind == JsonValueKind.Object)
        {
            if (String(message, "thinking") is { Length: > 0 } thinking)
            {
                contents.Add(new TextReasoningContent(thinking));
            }

            if (String(message, "content") is { Length: > 0 } content)
            {
                contents.Add(new TextContent(content));
            }

            if (message.TryGetProperty("tool_calls", out var calls) && calls.ValueKind == JsonValueKind.Array)
            {
                foreach (var call in calls.EnumerateArray())
                {
                    contents.Add(ParseToolCall(call));
                    _sawToolCall = true;
                }
            }
        }

        var update = new ChatResponseUpdate(ChatRole.Assistant, contents)
        {
            ResponseId = _responseId,
            MessageId = _responseId,
            ModelId = String(root, "model") ?? _model,
            CreatedAt = DateTimeOffset.TryParse(String(root, "created_at"), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var created) ? created : null,
        };

        if (root.TryGetProperty("done", out var done) && done.ValueKind == JsonValueKind.True)
        {
            update.FinishReason = FinishReason(String(root, "done_reason"));
            var input = Long(root, "prompt_eval_count");
            var output = Long(root, "eval_count");
            contents.Add(new UsageContent(new UsageDetails
            {
                InputTokenCount = input,
                OutputTokenCount = output,
                TotalTokenCount = (input ?? 0) + (output ?? 0),
            }));
        }

        return update;
    }

    private ChatFinishReason FinishReason(string? doneReason) => doneReason switch
    {
        "length" => ChatFinishReason.Length,
        null or "" or "stop" => _sawToolCall ? ChatFinishReason.ToolCalls : ChatFinishReason.Stop,
        _ => new ChatFinishReason(doneReason),
    };

    private static FunctionCallContent ParseToolCall(JsonElement call)
    {
        var function = call.TryGetProperty("function", out var f) ? f : call;
        var name = String(function, "name") ?? string.Empty;
        var id = String(call, "id") is { Length: > 0 } given ? given : "call_" + Guid.NewGuid().ToString("N")[..16];
        IDictionary<string, object?>? arguments = null;
        if (function.TryGetProperty("arguments", out var args))
        {
            var source = args.ValueKind == JsonValueKind.String ? JsonDocument.Parse(args.GetString() ?? "{}").RootElement : args;
            if (source.ValueKind == JsonValueKind.Object)
            {
                arguments = source.EnumerateObject().ToDictionary(p => p.Name, p => (object?)p.Value.Clone(), StringComparer.Ordinal);
            }
        }

        return new FunctionCallContent(id, name, arguments);
    }

    private static string? String(JsonElement element, string name)
        => element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static long? Long(JsonElement element, string name)
        => element.TryGetProperty(name, out var value) && value.TryGetInt64(out var number) ? number : null;
}
