using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.AI;

namespace SharpClaw.Providers.Gemini;

/// <summary>JSON conversions between MEAI tool-call payloads and Gemini's <c>Struct</c> fields.</summary>
internal static class GeminiJson
{
    /// <summary>Function-call arguments as a JSON object (never null).</summary>
    public static JsonObject Args(IDictionary<string, object?>? arguments)
    {
        var args = new JsonObject();
        foreach (var (name, value) in arguments ?? new Dictionary<string, object?>())
        {
            args[name] = ToNode(value);
        }

        return args;
    }

    /// <summary>A function result as the object Gemini requires in <c>functionResponse.response</c>.</summary>
    public static JsonObject Response(FunctionResultContent result)
    {
        if (result.Exception is { } exception)
        {
            return new JsonObject { ["error"] = exception.Message };
        }

        var node = ToNode(result.Result);
        return node is JsonObject obj ? obj : new JsonObject { ["result"] = node };
    }

    public static JsonNode? ToNode(object? value) => value switch
    {
        null => null,
        JsonNode node => node.DeepClone(),
        JsonElement element => JsonNode.Parse(element.GetRawText()),
        string text => JsonValue.Create(text),
        _ => JsonSerializer.SerializeToNode(value, AIJsonUtilities.DefaultOptions),
    };

    /// <summary>Function-call arguments from a response (<c>args</c> object), values kept as <see cref="JsonElement"/>.</summary>
    public static Dictionary<string, object?> ReadArgs(JsonElement args)
    {
        var result = new Dictionary<string, object?>(StringComparer.Ordinal);
        if (args.ValueKind == JsonValueKind.Object)
        {
            foreach (var property in args.EnumerateObject())
            {
                result[property.Name] = property.Value.Clone();
            }
        }

        return result;
    }

    public static string? String(JsonElement element, string name)
        => element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;

    public static long? Long(JsonElement element, string name)
        => element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.TryGetInt64(out var number) ? number : null;
}
