using System.Text.Json;
using System.Text.Json.Nodes;

namespace SharpClaw.Core.Config.Schema;

/// <summary>
/// One node of the config schema. The same definition validates a config tree (collecting every problem
/// with path, reason and fix) and exports JSON Schema (draft-07) for <c>config.schema</c> and form generation.
/// </summary>
public abstract class SchemaNode
{
    public string? Description { get; init; }

    /// <summary>String values under this node are secrets (redacted by <c>config.get</c>).</summary>
    public bool Secret { get; init; }

    /// <summary>The value used when the key is absent (documentation only; defaults are applied at use sites).</summary>
    public JsonNode? Default { get; init; }

    /// <summary>What this node expects, for messages: "a string", "an integer", …</summary>
    public abstract string Expected { get; }

    /// <summary>True when the JSON kind of <paramref name="value"/> is one this node can hold (details aside).</summary>
    public abstract bool AcceptsKind(JsonNode? value);

    public abstract void Validate(JsonNode? value, string path, List<ConfigIssue> issues);

    /// <summary>The schema of a child: an object property, a map value (<paramref name="segment"/> is the key) or an array item.</summary>
    public virtual SchemaNode? ChildFor(JsonNode? value, string segment) => null;

    public JsonObject ToJsonSchema()
    {
        var o = Export();
        if (Description is not null)
        {
            o["description"] = Description;
        }

        if (Default is not null)
        {
            o["default"] = Default.DeepClone();
        }

        if (Secret)
        {
            o["x-secret"] = true;
            o["writeOnly"] = true;
        }

        return o;
    }

    protected abstract JsonObject Export();

    /// <summary>"a string", "a number", … for the JSON kind of a value.</summary>
    public static string Kind(JsonNode? v) => v switch
    {
        null => "null",
        JsonObject => "an object",
        JsonArray => "an array",
        JsonValue jv => jv.GetValueKind() switch
        {
            JsonValueKind.String => "a string",
            JsonValueKind.Number => "a number",
            JsonValueKind.True or JsonValueKind.False => "a boolean",
            _ => "a value",
        },
        _ => "a value",
    };

    public static string Child(string path, string key) => path.Length == 0 ? key : $"{path}.{key}";

    public static string Item(string path, int index) => $"{path}[{index}]";

    protected static bool IsKind(JsonNode? v, JsonValueKind kind) => v is JsonValue jv && jv.GetValueKind() == kind;

    protected ConfigIssue WrongKind(string path, JsonNode? value, string fix) => new(path, $"expected {Expected}, got {Kind(value)}", fix);
}
