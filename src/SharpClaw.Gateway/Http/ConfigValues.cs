using System.Text.Json;
using System.Text.Json.Nodes;

namespace SharpClaw.Gateway.Http;

/// <summary>Tolerant readers for values in the resolved config tree.</summary>
internal static class ConfigValues
{
    public static bool? Bool(JsonNode? node) => node is JsonValue v && v.GetValueKind() is JsonValueKind.True or JsonValueKind.False ? v.GetValue<bool>() : null;

    public static long? Long(JsonNode? node) => node is JsonValue v && v.GetValueKind() == JsonValueKind.Number && v.TryGetValue<long>(out var l) ? l
        : node is JsonValue d && d.GetValueKind() == JsonValueKind.Number ? (long)d.GetValue<double>() : null;

    public static string? String(JsonNode? node) => node is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : null;

    public static IReadOnlyList<string> Strings(JsonNode? node)
        => node is JsonArray a ? [.. a.Select(String).Where(s => !string.IsNullOrWhiteSpace(s)).Select(s => s!.Trim())] : [];
}
