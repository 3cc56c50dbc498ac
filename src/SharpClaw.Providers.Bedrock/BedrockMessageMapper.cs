using System.Text.Json.Nodes;
using Microsoft.Extensions.AI;
using SharpClaw.Providers.Common;

namespace SharpClaw.Providers.Bedrock;

/// <summary>
/// Maps MEAI history to Converse <c>messages</c> and <c>system</c>: user/tool → <c>user</c>, assistant →
/// <c>assistant</c> (consecutive turns of one role merged, as Converse requires alternation). Blocks: <c>text</c>,
/// <c>image</c> (png/jpeg/gif/webp bytes), <c>document</c> (pdf etc.), <c>toolUse</c>, <c>toolResult</c> and signed
/// <c>reasoningContent</c> (Claude needs its signed thinking back when a tool-use turn continues).
/// </summary>
internal static class BedrockMessageMapper
{
    public static JsonArray Messages(IEnumerable<ChatMessage> messages)
    {
        var result = new JsonArray();
        JsonObject? current = null;
        foreach (var message in messages.Where(m => m.Role != ChatRole.System))
        {
            var role = message.Role == ChatRole.Assistant ? "assistant" : "user";
            var blocks = new List<JsonNode>();
            foreach (var content in message.Contents)
            {
                blocks.AddRange(Blocks(content));
            }

            if (blocks.Count == 0)
            {
                continue;
            }

            if (current is null || (string?)current["role"] != role)
            {
                current = new JsonObject { ["role"] = role, ["content"] = new JsonArray() };
                result.Add((JsonNode)current);
            }

            var target = current["content"]!.AsArray();
            blocks.ForEach(target.Add);
        }

        return result;
    }

    /// <summary><c>[{"text": …}]</c> from <paramref name="instructions"/> and the system messages, or null.</summary>
    public static JsonArray? System(IEnumerable<ChatMessage> messages, string? instructions)
    {
        var texts = new List<string>();
        if (!string.IsNullOrWhiteSpace(instructions))
        {
            texts.Add(instructions);
        }

        texts.AddRange(messages.Where(m => m.Role == ChatRole.System).Select(m => m.Text).Where(t => !string.IsNullOrWhiteSpace(t)));
        return texts.Count == 0 ? null : new JsonArray(texts.Select(t => (JsonNode)new JsonObject { ["text"] = t }).ToArray());
    }

    private static IEnumerable<JsonNode> Blocks(AIContent content)
    {
        switch (content)
        {
            case TextContent { Text.Length: > 0 } text:
                yield return new JsonObject { ["text"] = text.Text };
                break;
            case TextReasoningContent { ProtectedData.Length: > 0 } reasoning:
                yield return new JsonObject
                {
                    ["reasoningContent"] = new JsonObject
                    {
                        ["reasoningText"] = new JsonObject { ["text"] = reasoning.Text, ["signature"] = reasoning.ProtectedData },
                    },
                };
                break;
            case DataContent data when data.HasTopLevelMediaType("image"):
                yield return new JsonObject
                {
                    ["image"] = new JsonObject { ["format"] = Format(data.MediaType), ["source"] = Bytes(data) },
                };
                break;
            case DataContent data:
                yield return new JsonObject
                {
                    ["document"] = new JsonObject { ["format"] = Format(data.MediaType), ["name"] = data.Name ?? "document", ["source"] = Bytes(data) },
                };
                break;
            case FunctionCallContent call:
                yield return new JsonObject
                {
                    ["toolUse"] = new JsonObject { ["toolUseId"] = call.CallId, ["name"] = call.Name, ["input"] = ProviderJson.Object(call.Arguments) },
                };
                break;
            case FunctionResultContent result:
                yield return ToolResult(result);
                break;
        }
    }

    private static JsonObject ToolResult(FunctionResultContent result)
    {
        JsonNode block = result.Exception is { } exception
            ? new JsonObject { ["text"] = exception.Message }
            : ProviderJson.ToNode(result.Result) switch
            {
                JsonObject obj => new JsonObject { ["json"] = obj },
                JsonValue value when value.TryGetValue<string>(out var text) => new JsonObject { ["text"] = text },
                null => new JsonObject { ["text"] = string.Empty },
                var other => new JsonObject { ["text"] = other.ToJsonString() },
            };
        var toolResult = new JsonObject { ["toolUseId"] = result.CallId, ["content"] = new JsonArray(block) };
        if (result.Exception is not null)
        {
            toolResult["status"] = "error";
        }

        return new JsonObject { ["toolResult"] = toolResult };
    }

    private static JsonObject Bytes(DataContent data) => new() { ["bytes"] = Convert.ToBase64String(data.Data.Span) };

    /// <summary><c>image/jpeg</c> → <c>jpeg</c>, <c>application/pdf</c> → <c>pdf</c>, <c>text/markdown</c> → <c>md</c>.</summary>
    private static string Format(string mediaType)
    {
        var subtype = mediaType[(mediaType.IndexOf('/', StringComparison.Ordinal) + 1)..].ToLowerInvariant();
        return subtype switch
        {
            "jpg" => "jpeg",
            "markdown" => "md",
            "plain" => "txt",
            "vnd.openxmlformats-officedocument.wordprocessingml.document" => "docx",
            "vnd.openxmlformats-officedocument.spreadsheetml.sheet" => "xlsx",
            _ => subtype,
        };
    }
}
