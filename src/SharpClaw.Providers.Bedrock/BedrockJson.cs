using System.Text.Json;
using SharpClaw.Providers.Common;

namespace SharpClaw.Providers.Bedrock;

/// <summary>Converse-specific JSON reads (the shared conversions are in <see cref="ProviderJson"/>).</summary>
internal static class BedrockJson
{
    /// <summary>Streamed tool input (a JSON object text, possibly empty) as call arguments.</summary>
    public static Dictionary<string, object?> ParseArguments(string json)
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            return new Dictionary<string, object?>(StringComparer.Ordinal);
        }

        using var doc = JsonDocument.Parse(json);
        return ProviderJson.Properties(doc.RootElement);
    }

    public static bool TryGetObject(JsonElement element, string name, out JsonElement value)
    {
        if (element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out value) && value.ValueKind == JsonValueKind.Object)
        {
            return true;
        }

        value = default;
        return false;
    }
}
