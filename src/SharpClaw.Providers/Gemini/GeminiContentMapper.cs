using System.Text.Json.Nodes;
using Microsoft.Extensions.AI;
using SharpClaw.Providers.Common;

namespace SharpClaw.Providers.Gemini;

/// <summary>
/// Maps MEAI chat history to Gemini <c>contents</c>: user → <c>user</c>, assistant → <c>model</c>, tool results →
/// <c>user</c> turns with <c>functionResponse</c> parts (named after the matching call). Text, inline data (images),
/// file URIs and function calls become parts; consecutive turns of one role are merged. A function call's
/// <c>thoughtSignature</c> (kept in <see cref="AIContent.AdditionalProperties"/>) is sent back, as Gemini 3 requires;
/// calls without one (e.g. from another model) get the documented validator-skip placeholder on Gemini 3.
/// </summary>
internal static class GeminiContentMapper
{
    public const string ThoughtSignatureKey = "thoughtSignature";

    /// <summary>Placeholder Google documents for function calls that carry no signature (transcripts from other models).</summary>
    public const string SkipSignatureValidator = "skip_thought_signature_validator";

    public static JsonArray Map(IEnumerable<ChatMessage> messages, string modelId)
    {
        var needsSignature = GeminiUrls.BareModelId(modelId).StartsWith("gemini-3", StringComparison.OrdinalIgnoreCase);
        var callNames = new Dictionary<string, string>(StringComparer.Ordinal);
        var contents = new JsonArray();
        JsonObject? current = null;
        foreach (var message in messages)
        {
            if (message.Role == ChatRole.System)
            {
                continue;
            }

            var role = message.Role == ChatRole.Assistant ? "model" : "user";
            var parts = new JsonArray();
            foreach (var content in message.Contents)
            {
                if (MapPart(content, callNames, needsSignature) is { } part)
                {
                    parts.Add((JsonNode)part);
                }
            }

            if (parts.Count == 0)
            {
                continue;
            }

            if (current is not null && (string?)current["role"] == role)
            {
                var existing = current["parts"]!.AsArray();
                foreach (var part in parts.ToList())
                {
                    parts.Remove(part);
                    existing.Add(part);
                }

                continue;
            }

            current = new JsonObject { ["role"] = role, ["parts"] = parts };
            contents.Add((JsonNode)current);
        }

        return contents;
    }

    /// <summary>All system messages' text (joined by blank lines), or null.</summary>
    public static string? SystemText(IEnumerable<ChatMessage> messages, string? instructions)
    {
        var texts = new List<string>();
        if (!string.IsNullOrWhiteSpace(instructions))
        {
            texts.Add(instructions);
        }

        texts.AddRange(messages.Where(m => m.Role == ChatRole.System).Select(m => m.Text).Where(t => !string.IsNullOrWhiteSpace(t)));
        return texts.Count == 0 ? null : string.Join("\n\n", texts);
    }

    private static JsonObject? MapPart(AIContent content, Dictionary<string, string> callNames, bool needsSignature)
    {
        switch (content)
        {
            case TextContent { Text.Length: > 0 } text:
                return new JsonObject { ["text"] = text.Text };
            case DataContent data:
                return new JsonObject
                {
                    ["inlineData"] = new JsonObject { ["mimeType"] = data.MediaType, ["data"] = Convert.ToBase64String(data.Data.Span) },
                };
            case UriContent uri:
                return new JsonObject
                {
                    ["fileData"] = new JsonObject { ["mimeType"] = uri.MediaType, ["fileUri"] = uri.Uri.ToString() },
                };
            case FunctionCallContent call:
                callNames[call.CallId] = call.Name;
                var part = new JsonObject
                {
                    ["functionCall"] = new JsonObject { ["name"] = call.Name, ["args"] = ProviderJson.Object(call.Arguments) },
                };
                var signature = call.AdditionalProperties?.TryGetValue(ThoughtSignatureKey, out var value) == true ? value?.ToString() : null;
                signature ??= needsSignature ? SkipSignatureValidator : null;
                if (signature is not null)
                {
                    part[ThoughtSignatureKey] = signature;
                }

                return part;
            case FunctionResultContent result:
                return new JsonObject
                {
                    ["functionResponse"] = new JsonObject
                    {
                        ["name"] = callNames.TryGetValue(result.CallId, out var name) ? name : result.CallId,
                        ["response"] = GeminiJson.Response(result),
                    },
                };
            default:
                return null; // reasoning text, usage, unsupported content: not sent back
        }
    }
}
