using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace SharpClaw.Providers.Registry;

/// <summary>Tolerant readers over the resolved config tree (values may be JsonElement- or CLR-backed).</summary>
internal static class ConfigJson
{
    public static JsonObject? Object(JsonNode? node, params ReadOnlySpan<string> path)
    {
        var current = node;
        foreach (var key in path)
        {
            current = current is JsonObject obj && obj.TryGetPropertyValue(key, out var next) ? next : null;
        }

        return current as JsonObject;
    }

    public static JsonNode? Node(JsonObject? obj, string key)
        => obj is not null && obj.TryGetPropertyValue(key, out var value) ? value : null;

    public static string? String(JsonObject? obj, string key)
        => Node(obj, key) is JsonValue value && value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : null;

    public static decimal? Number(JsonObject? obj, string key)
        => Node(obj, key) is JsonValue value && value.GetValueKind() == JsonValueKind.Number
           && decimal.TryParse(value.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var number)
            ? number
            : null;

    public static int? Int(JsonObject? obj, string key)
        => Number(obj, key) is { } number && number > 0 && number <= int.MaxValue ? (int)number : null;

    public static bool? Bool(JsonObject? obj, string key)
        => Node(obj, key) is JsonValue value ? value.GetValueKind() switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            _ => null,
        } : null;

    public static IReadOnlyList<string> Strings(JsonObject? obj, string key)
        => Node(obj, key) is JsonArray array
            ? array.OfType<JsonValue>().Where(v => v.GetValueKind() == JsonValueKind.String).Select(v => v.GetValue<string>()).ToList()
            : [];

    /// <summary>
    /// A string or an OpenClaw SecretRef. Only <c>{source:"env", id}</c> refs resolve here (through the injected
    /// environment); file/exec/store refs are resolved by the config layer before the registry sees the tree.
    /// </summary>
    public static string? Secret(JsonNode? node, Func<string, string?> environment)
    {
        if (node is JsonValue value && value.GetValueKind() == JsonValueKind.String)
        {
            return NonEmpty(value.GetValue<string>());
        }

        if (node is JsonObject secretRef && String(secretRef, "source") == "env" && String(secretRef, "id") is { Length: > 0 } id)
        {
            return NonEmpty(environment(id));
        }

        return null;
    }

    public static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
