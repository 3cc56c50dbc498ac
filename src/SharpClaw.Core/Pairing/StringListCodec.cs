using System.Text.Json;
using System.Text.Json.Nodes;

namespace SharpClaw.Core.Pairing;

/// <summary>Stores string lists as JSON arrays in TEXT columns.</summary>
internal static class StringListCodec
{
    public static string Encode(IEnumerable<string> values)
    {
        var arr = new JsonArray();
        foreach (var v in values)
        {
            arr.Add((JsonNode)JsonValue.Create(v));
        }

        return arr.ToJsonString();
    }

    public static IReadOnlyList<string> Decode(string? json)
    {
        if (string.IsNullOrEmpty(json))
        {
            return [];
        }

        using var doc = JsonDocument.Parse(json);
        return [.. doc.RootElement.EnumerateArray().Select(e => e.GetString() ?? string.Empty)];
    }
}
