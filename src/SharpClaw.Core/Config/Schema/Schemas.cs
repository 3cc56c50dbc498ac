using System.Text.Json.Nodes;

namespace SharpClaw.Core.Config.Schema;

/// <summary>The schema-builder DSL: factory helpers so a schema reads like a table.</summary>
public static class Schemas
{
    public static StringSchema Str(string? description = null, bool secret = false, string? @default = null)
        => new() { Description = description, Secret = secret, Default = @default is null ? null : JsonValue.Create(@default) };

    /// <summary>A non-empty string matching <paramref name="pattern"/> (whole value).</summary>
    public static StringSchema Pattern(string? description, string pattern, string hint)
        => new() { Description = description, Pattern = pattern, PatternHint = hint, MinLength = 1 };

    public static StringSchema NonEmpty(string? description = null) => new() { Description = description, MinLength = 1 };

    public static StringSchema Enum(string? description, string[] values, string? @default = null)
        => new() { Description = description, Values = values, Default = @default is null ? null : JsonValue.Create(@default) };

    public static IntegerSchema Int(string? description = null, long min = long.MinValue, long max = long.MaxValue, long? @default = null)
        => new() { Description = description, Min = min, Max = max, Default = @default is null ? null : JsonValue.Create(@default.Value) };

    public static NumberSchema Num(string? description = null, double? min = null, double? max = null, double? @default = null)
        => new() { Description = description, Min = min, Max = max, Default = @default is null ? null : JsonValue.Create(@default.Value) };

    public static BooleanSchema Bool(string? description = null, bool? @default = null)
        => new() { Description = description, Default = @default is null ? null : JsonValue.Create(@default.Value) };

    public static ArraySchema Arr(SchemaNode items, string? description = null, int maxItems = 10_000)
        => new() { Items = items, Description = description, MaxItems = maxItems };

    /// <summary>A list of strings.</summary>
    public static ArraySchema Strs(string? description = null) => Arr(Str(), description);

    /// <summary>A strict object: listed keys only.</summary>
    public static ObjectSchema Obj(string? description, params (string Key, SchemaNode Node)[] props)
        => new() { Description = description, Properties = ToDictionary(props) };

    /// <summary>An object modelled only partly: listed keys are checked, others are accepted as they are.</summary>
    public static ObjectSchema Open(string? description, params (string Key, SchemaNode Node)[] props)
        => new() { Description = description, Properties = ToDictionary(props), Additional = new AnySchema() };

    /// <summary>An object with listed keys whose other keys must match <paramref name="additional"/>.</summary>
    public static ObjectSchema ObjWith(string? description, SchemaNode additional, params (string Key, SchemaNode Node)[] props)
        => new() { Description = description, Properties = ToDictionary(props), Additional = additional };

    public static MapSchema Map(SchemaNode values, string? description = null, string? keyPattern = null, string? keyHint = null)
        => new() { Values = values, Description = description, KeyPattern = keyPattern, KeyHint = keyHint };

    public static AnySchema Any(string? description = null) => new() { Description = description };

    public static UnionSchema OneOf(string? description, params SchemaNode[] options) => new() { Description = description, Options = options };

    /// <summary>
    /// A secret input: a plain string or a SecretRef <c>{source, provider?, id}</c> (OpenClaw
    /// <c>SecretInputSchema</c>). The plain string is redacted by <c>config.get</c>.
    /// </summary>
    public static UnionSchema Secret(string? description = null)
        => new() { Description = description, Secret = true, Options = [Str(secret: true), SecretRef()] };

    /// <summary>A SecretRef object: <c>{source: env|file|exec|store, provider?, id}</c>.</summary>
    public static ObjectSchema SecretRef() => Obj("secret reference",
        ("source", Enum("where the secret comes from", ["env", "file", "exec", "store"])),
        ("provider", Pattern("secret provider", "[a-z][a-z0-9_-]{0,63}", "lower-case letters, digits, _ and - (starting with a letter)")),
        ("id", NonEmpty("secret id (env: the variable name)"))).Requiring("source", "id");

    /// <summary>A duration: milliseconds as a number, or a string with a unit (ms, s, m, h, d).</summary>
    public static UnionSchema Duration(string? description = null)
        => OneOf(description, Int(min: 0), Pattern(null, @"\s*\d+(\.\d+)?\s*(ms|s|m|h|d)?\s*", "a number with an optional unit: ms, s, m, h or d (e.g. \"30s\", \"5m\")"));

    /// <summary>A byte size: a number of bytes, or a string with a unit (b, kb, mb, gb, tb).</summary>
    public static UnionSchema ByteSize(string? description = null)
        => OneOf(description, Int(min: 0), Pattern(null, @"\s*\d+(\.\d+)?\s*([bB]|[kKmMgGtT][bB])?\s*", "a number with an optional unit: b, kb, mb, gb or tb (e.g. \"2mb\")"));

    private static Dictionary<string, SchemaNode> ToDictionary((string Key, SchemaNode Node)[] props)
        => props.ToDictionary(p => p.Key, p => p.Node, StringComparer.Ordinal);
}
