using System.Text.Json;
using System.Text.Json.Nodes;

namespace SharpClaw.Core.Config.Schema;

/// <summary>Factory helpers so the schema reads like a table.</summary>
public static class Schemas
{
    public static StringSchema Str(string? description = null, bool secret = false) => new() { Description = description, Secret = secret };

    public static StringSchema Enum(string description, params string[] values) => new() { Description = description, Values = values };

    public static IntegerSchema Int(string? description = null, long min = long.MinValue, long max = long.MaxValue, long? @default = null)
        => new() { Description = description, Min = min, Max = max, Default = @default is null ? null : JsonValue.Create(@default.Value) };

    public static NumberSchema Num(string? description = null) => new() { Description = description };

    public static BooleanSchema Bool(string? description = null, bool? @default = null)
        => new() { Description = description, Default = @default is null ? null : JsonValue.Create(@default.Value) };

    public static ArraySchema Arr(SchemaNode items, string? description = null, int maxItems = 10_000) => new() { Items = items, Description = description, MaxItems = maxItems };

    public static ObjectSchema Obj(string? description, params (string Key, SchemaNode Node)[] props)
        => new() { Description = description, Properties = props.ToDictionary(p => p.Key, p => p.Node, StringComparer.Ordinal) };

    /// <summary>An object we model only partly: listed keys are checked, others are accepted as they are.</summary>
    public static ObjectSchema Open(string? description, params (string Key, SchemaNode Node)[] props)
        => new() { Description = description, Properties = props.ToDictionary(p => p.Key, p => p.Node, StringComparer.Ordinal), AllowUnknown = true };

    public static MapSchema Map(SchemaNode values, string? description = null) => new() { Values = values, Description = description };

    public static AnySchema Any(string? description = null) => new() { Description = description };

    public static UnionSchema OneOf(string? description, params SchemaNode[] options) => new() { Description = description, Options = options };

    internal static string? String(JsonNode? v) => v is JsonValue jv && jv.GetValueKind() == JsonValueKind.String ? jv.GetValue<string>() : null;
}
