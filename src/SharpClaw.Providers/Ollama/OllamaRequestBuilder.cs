using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.AI;
using SharpClaw.Providers.Common;

namespace SharpClaw.Providers.Ollama;

/// <summary>
/// Builds the native Ollama <c>POST /api/chat</c> body: messages (text, images as base64, assistant
/// <c>thinking</c> and <c>tool_calls</c>, <c>tool</c> results with <c>tool_name</c>), <c>tools</c>, <c>think</c>
/// (off → false, any other level → true; unset → omitted) and sampling <c>options</c>.
/// </summary>
internal static class OllamaRequestBuilder
{
    public static JsonObject Build(string modelId, IEnumerable<ChatMessage> messages, ChatOptions? options)
    {
        var list = new JsonArray();
        if (options?.Instructions is { Length: > 0 } instructions)
        {
            list.Add((JsonNode)new JsonObject { ["role"] = "system", ["content"] = instructions });
        }

        var callNames = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var message in messages)
        {
            AddMessage(list, message, callNames);
        }

        var body = new JsonObject
        {
            ["model"] = options?.ModelId ?? modelId,
            ["messages"] = list,
            ["stream"] = true,
        };

        if (BuildTools(options) is { } tools)
        {
            body["tools"] = tools;
        }

        if (ThinkingOptions.Read(options) is { } level)
        {
            body["think"] = level != ThinkingLevel.Off;
        }

        if (BuildOptions(options) is { } sampling)
        {
            body["options"] = sampling;
        }

        if (options?.ResponseFormat is ChatResponseFormatJson json)
        {
            body["format"] = json.Schema is { } schema ? JsonNode.Parse(schema.GetRawText()) : "json";
        }

        return body;
    }

    private static void AddMessage(JsonArray list, ChatMessage message, Dictionary<string, string> callNames)
    {
        var text = string.Concat(message.Contents.OfType<TextContent>().Select(t => t.Text));
        var thinking = string.Concat(message.Contents.OfType<TextReasoningContent>().Select(t => t.Text));
        var images = new JsonArray();
        foreach (var data in message.Contents.OfType<DataContent>().Where(d => d.HasTopLevelMediaType("image")))
        {
            images.Add((JsonNode)Convert.ToBase64String(data.Data.Span));
        }

        var calls = new JsonArray();
        foreach (var call in message.Contents.OfType<FunctionCallContent>())
        {
            callNames[call.CallId] = call.Name;
            calls.Add((JsonNode)new JsonObject
            {
                ["function"] = new JsonObject
                {
                    ["name"] = call.Name,
                    ["arguments"] = ProviderJson.Object(call.Arguments),
                },
            });
        }

        var results = message.Contents.OfType<FunctionResultContent>().ToList();
        if (text.Length > 0 || thinking.Length > 0 || images.Count > 0 || calls.Count > 0 || results.Count == 0)
        {
            var entry = new JsonObject { ["role"] = message.Role == ChatRole.Tool ? "tool" : message.Role.Value, ["content"] = text };
            if (thinking.Length > 0 && message.Role == ChatRole.Assistant)
            {
                entry["thinking"] = thinking;
            }

            if (images.Count > 0)
            {
                entry["images"] = images;
            }

            if (calls.Count > 0)
            {
                entry["tool_calls"] = calls;
            }

            list.Add((JsonNode)entry);
        }

        foreach (var result in results)
        {
            var tool = new JsonObject { ["role"] = "tool", ["content"] = ResultText(result.Result) };
            if (callNames.TryGetValue(result.CallId, out var name))
            {
                tool["tool_name"] = name;
            }

            list.Add((JsonNode)tool);
        }
    }

    private static string ResultText(object? result) => result switch
    {
        null => string.Empty,
        string s => s,
        JsonElement { ValueKind: JsonValueKind.String } e => e.GetString() ?? string.Empty,
        JsonElement e => e.GetRawText(),
        _ => JsonSerializer.Serialize(result, AIJsonUtilities.DefaultOptions.GetTypeInfo(typeof(object))),
    };

    private static JsonArray? BuildTools(ChatOptions? options)
    {
        var declarations = options?.Tools?.OfType<AIFunctionDeclaration>().ToList();
        if (declarations is not { Count: > 0 })
        {
            return null;
        }

        var tools = new JsonArray();
        foreach (var tool in declarations)
        {
            tools.Add((JsonNode)new JsonObject
            {
                ["type"] = "function",
                ["function"] = new JsonObject
                {
                    ["name"] = tool.Name,
                    ["description"] = tool.Description,
                    ["parameters"] = JsonNode.Parse(tool.JsonSchema.GetRawText()),
                },
            });
        }

        return tools;
    }

    private static JsonObject? BuildOptions(ChatOptions? options)
    {
        if (options is null)
        {
            return null;
        }

        var sampling = new JsonObject();
        Set(sampling, "temperature", options.Temperature);
        Set(sampling, "top_p", options.TopP);
        Set(sampling, "top_k", options.TopK);
        Set(sampling, "num_predict", options.MaxOutputTokens);
        Set(sampling, "seed", options.Seed);
        Set(sampling, "frequency_penalty", options.FrequencyPenalty);
        Set(sampling, "presence_penalty", options.PresencePenalty);
        if (options.StopSequences is { Count: > 0 } stops)
        {
            sampling["stop"] = new JsonArray(stops.Select(s => (JsonNode?)JsonValue.Create(s)).ToArray());
        }

        return sampling.Count == 0 ? null : sampling;
    }

    private static void Set(JsonObject target, string name, float? value)
    {
        if (value is { } v)
        {
            target[name] = v;
        }
    }

    private static void Set(JsonObject target, string name, long? value)
    {
        if (value is { } v)
        {
            target[name] = v;
        }
    }
}
