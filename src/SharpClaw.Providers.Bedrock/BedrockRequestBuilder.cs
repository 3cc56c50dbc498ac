using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.AI;
using SharpClaw.Providers.Common;

namespace SharpClaw.Providers.Bedrock;

/// <summary>
/// Builds a ConverseStream body: <c>messages</c>, <c>system</c>, <c>inferenceConfig</c> (maxTokens, temperature,
/// topP, stopSequences), <c>toolConfig</c> (<c>toolSpec</c>s with JSON-schema input and <c>toolChoice</c>) and
/// <c>additionalModelRequestFields</c> for thinking.
/// </summary>
internal static class BedrockRequestBuilder
{
    public static JsonObject Build(string modelId, IEnumerable<ChatMessage> messages, ChatOptions? options, int? defaultMaxTokens)
    {
        var history = messages as IList<ChatMessage> ?? messages.ToList();
        var body = new JsonObject { ["messages"] = BedrockMessageMapper.Messages(history) };
        if (BedrockMessageMapper.System(history, options?.Instructions) is { } system)
        {
            body["system"] = system;
        }

        var inference = new JsonObject();
        if ((options?.MaxOutputTokens ?? defaultMaxTokens) is { } maxTokens)
        {
            inference["maxTokens"] = maxTokens;
        }

        if (options?.Temperature is { } temperature)
        {
            inference["temperature"] = temperature;
        }

        if (options?.TopP is { } topP)
        {
            inference["topP"] = topP;
        }

        if (options?.StopSequences is { Count: > 0 } stops)
        {
            inference["stopSequences"] = new JsonArray(stops.Select(s => (JsonNode?)JsonValue.Create(s)).ToArray());
        }

        if (inference.Count > 0)
        {
            body["inferenceConfig"] = inference;
        }

        if (ToolConfig(options) is { } tools)
        {
            body["toolConfig"] = tools;
        }

        BedrockThinking.Apply(body, ThinkingOptions.Read(options), modelId);
        return body;
    }

    /// <summary>
    /// Tools are always declared when given, even with tool mode "none" (Converse rejects histories containing
    /// toolUse/toolResult blocks without a <c>toolConfig</c>); "none" just sends no <c>toolChoice</c>.
    /// </summary>
    private static JsonObject? ToolConfig(ChatOptions? options)
    {
        var functions = options?.Tools?.OfType<AIFunctionDeclaration>().ToList() ?? [];
        if (functions.Count == 0)
        {
            return null;
        }

        var specs = new JsonArray();
        foreach (var function in functions)
        {
            var schema = function.JsonSchema.ValueKind == JsonValueKind.Object ? JsonNode.Parse(function.JsonSchema.GetRawText())!.AsObject() : new JsonObject { ["type"] = "object" };
            schema.Remove("$schema");
            var spec = new JsonObject { ["name"] = function.Name, ["inputSchema"] = new JsonObject { ["json"] = schema } };
            if (!string.IsNullOrWhiteSpace(function.Description))
            {
                spec["description"] = function.Description;
            }

            specs.Add((JsonNode)new JsonObject { ["toolSpec"] = spec });
        }

        var config = new JsonObject { ["tools"] = specs };
        JsonObject? choice = options?.ToolMode switch
        {
            RequiredChatToolMode { RequiredFunctionName: { } name } => new JsonObject { ["tool"] = new JsonObject { ["name"] = name } },
            RequiredChatToolMode => new JsonObject { ["any"] = new JsonObject() },
            AutoChatToolMode => new JsonObject { ["auto"] = new JsonObject() },
            _ => null,
        };
        if (choice is not null)
        {
            config["toolChoice"] = choice;
        }

        return config;
    }
}
