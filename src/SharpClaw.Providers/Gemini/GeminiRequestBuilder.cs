using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.AI;
using SharpClaw.Providers.Common;

namespace SharpClaw.Providers.Gemini;

/// <summary>
/// Builds a <c>streamGenerateContent</c> body: <c>contents</c>, <c>systemInstruction</c>,
/// <c>tools[].functionDeclarations</c> (JSON Schema via <c>parametersJsonSchema</c>), <c>toolConfig</c> from the tool
/// mode, and <c>generationConfig</c> (max output tokens, sampling, stop sequences, thinking).
/// </summary>
internal static class GeminiRequestBuilder
{
    public static JsonObject Build(string modelId, IEnumerable<ChatMessage> messages, ChatOptions? options)
    {
        var history = messages as IList<ChatMessage> ?? messages.ToList();
        var body = new JsonObject { ["contents"] = GeminiContentMapper.Map(history, modelId) };
        if (GeminiContentMapper.SystemText(history, options?.Instructions) is { } system)
        {
            body["systemInstruction"] = new JsonObject { ["parts"] = new JsonArray(new JsonObject { ["text"] = system }) };
        }

        var functions = options?.Tools?.OfType<AIFunctionDeclaration>().ToList() ?? [];
        if (functions.Count > 0 && options?.ToolMode is not NoneChatToolMode)
        {
            var declarations = new JsonArray();
            foreach (var function in functions)
            {
                declarations.Add((JsonNode)Declaration(function));
            }

            body["tools"] = new JsonArray(new JsonObject { ["functionDeclarations"] = declarations });
            if (ToolConfig(options?.ToolMode) is { } toolConfig)
            {
                body["toolConfig"] = toolConfig;
            }
        }

        if (GenerationConfig(modelId, options) is { Count: > 0 } generation)
        {
            body["generationConfig"] = generation;
        }

        return body;
    }

    private static JsonObject Declaration(AIFunctionDeclaration function)
    {
        var declaration = new JsonObject { ["name"] = function.Name };
        if (!string.IsNullOrWhiteSpace(function.Description))
        {
            declaration["description"] = function.Description;
        }

        if (function.JsonSchema.ValueKind == JsonValueKind.Object && JsonNode.Parse(function.JsonSchema.GetRawText()) is JsonObject schema)
        {
            schema.Remove("$schema");
            declaration["parametersJsonSchema"] = schema;
        }

        return declaration;
    }

    private static JsonObject? ToolConfig(ChatToolMode? mode) => mode switch
    {
        RequiredChatToolMode { RequiredFunctionName: { } name } => new JsonObject
        {
            ["functionCallingConfig"] = new JsonObject { ["mode"] = "ANY", ["allowedFunctionNames"] = new JsonArray(name) },
        },
        RequiredChatToolMode => new JsonObject { ["functionCallingConfig"] = new JsonObject { ["mode"] = "ANY" } },
        _ => null,
    };

    private static JsonObject GenerationConfig(string modelId, ChatOptions? options)
    {
        var config = new JsonObject();
        if (options is null)
        {
            return config;
        }

        if (options.MaxOutputTokens is { } maxTokens)
        {
            config["maxOutputTokens"] = maxTokens;
        }

        if (options.Temperature is { } temperature)
        {
            config["temperature"] = temperature;
        }

        if (options.TopP is { } topP)
        {
            config["topP"] = topP;
        }

        if (options.TopK is { } topK)
        {
            config["topK"] = topK;
        }

        if (options.StopSequences is { Count: > 0 } stops)
        {
            config["stopSequences"] = new JsonArray(stops.Select(s => (JsonNode?)JsonValue.Create(s)).ToArray());
        }

        if (GeminiThinking.Config(ThinkingOptions.Read(options), modelId) is { } thinking)
        {
            config["thinkingConfig"] = thinking;
        }

        return config;
    }
}
