using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.AI;

namespace SharpClaw.Providers.Common;

/// <summary>JSON conversions the hand-written adapters share: MEAI argument values ↔ JSON, and typed property reads.</summary>
internal static class ProviderJson
{
    /// <summary>Tool-call arguments (or any name → value map) as a JSON object (never null).</summary>
    public static JsonObject Object(IDictionary<string, object?>? values)
    {
        var result = new JsonObject();
        foreach (var (name, value) in values ?? new Dictionary<string, object?>())
        {
            result[name] = ToNode(value);
        }

        return result;
    }

    public static JsonNode? ToNode(object? value) => value switch
    {
        null => null,
        JsonNode node => node.DeepClone(),
        JsonElement element => JsonNode.Parse(element.GetRawText()),
        string text => JsonValue.Create(text),
        _ => JsonSerializer.SerializeToNode(value, AIJsonUtilities.DefaultOptions),
    };

    /// <summary>An object's properties as call arguments, values kept as <see cref="JsonElement"/> (empty for non-objects).</summary>
    public static Dictionary<string, object?> Properties(JsonElement element)
    {
        var result = new Dictionary<string, object?>(StringComparer.Ordinal);
        if (element.ValueKind == JsonValueKind.Object)
        {
            foreach (var property in element.EnumerateObject())
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
