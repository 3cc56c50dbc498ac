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
        bool flag => JsonValue.Create(flag),
        int number => JsonValue.Create(number),
        long number => JsonValue.Create(number),
        double number => JsonValue.Create(number),
        decimal number => JsonValue.Create(number),

        // Through the type's metadata (MEAI's resolver) rather than reflection-based serialization: Native-AOT safe.
        _ => JsonSerializer.SerializeToNode(value, AIJsonUtilities.DefaultOptions.GetTypeInfo(value.GetType())),
    };

    /// <summary>A request body from a JSON node (UTF-8, <c>application/json</c>), written without reflection.</summary>
    public static HttpContent Content(JsonNode body) => new ByteArrayContent(Utf8(body))
    {
        Headers = { ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json") { CharSet = "utf-8" } },
    };

    /// <summary>A JSON node as UTF-8 bytes, written without reflection.</summary>
    public static byte[] Utf8(JsonNode node)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>(1024);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            node.WriteTo(writer);
        }

        return buffer.WrittenSpan.ToArray();
    }

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
