using System.Text.Json;
using System.Text.Json.Nodes;
using SharpClaw.Core.Config.Schema;

namespace SharpClaw.Core.Config;

/// <summary>Lenient typed reads from a config tree: a missing or mistyped value reads as null (the caller's default).</summary>
internal static class ConfigReader
{
    public static JsonObject? Obj(JsonNode? node, string key) => (node as JsonObject)?[key] as JsonObject;

    /// <summary>A non-empty string.</summary>
    public static string? Str(JsonNode? node, string key)
        => (node as JsonObject)?[key] is JsonValue v && v.GetValueKind() == JsonValueKind.String && v.GetValue<string>() is { Length: > 0 } s ? s : null;

    public static bool? Bool(JsonNode? node, string key)
        => (node as JsonObject)?[key] is JsonValue v && v.GetValueKind() is JsonValueKind.True or JsonValueKind.False ? v.GetValue<bool>() : null;

    public static long? Long(JsonNode? node, string key)
        => (node as JsonObject)?[key] is JsonValue v && v.GetValueKind() == JsonValueKind.Number && IntegerSchema.TryGetWhole(v, out var n) ? n : null;

    public static int? Int(JsonNode? node, string key) => Long(node, key) is { } n && n is >= int.MinValue and <= int.MaxValue ? (int)n : null;

    /// <summary>The non-empty strings of an array (other items are skipped); empty when absent.</summary>
    public static IReadOnlyList<string> Strings(JsonNode? node, string key)
        => (node as JsonObject)?[key] is JsonArray a
            ? [.. a.OfType<JsonValue>().Where(v => v.GetValueKind() == JsonValueKind.String).Select(v => v.GetValue<string>()).Where(s => s.Length > 0)]
            : [];
}
