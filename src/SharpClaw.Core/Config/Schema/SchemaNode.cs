using System.Text.Json.Nodes;

namespace SharpClaw.Core.Config.Schema;

/// <summary>
/// One node of the config schema. The same definition validates a config tree (collecting every problem
/// with path, reason and fix) and exports JSON Schema for <c>config.schema</c> and form generation.
/// </summary>
public abstract class SchemaNode
{
    public string? Description { get; init; }

    /// <summary>Values under this node are secrets (redacted by config.get).</summary>
    public bool Secret { get; init; }

    public JsonNode? Default { get; init; }

    public abstract void Validate(JsonNode? value, string path, List<ConfigIssue> issues);

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
        }

        return o;
    }

    protected abstract JsonObject Export();

    protected static string Kind(JsonNode? v) => v switch
    {
        null => "null",
        JsonObject => "an object",
        JsonArray => "an array",
        JsonValue jv => jv.GetValueKind() switch
        {
            System.Text.Json.JsonValueKind.String => "a string",
            System.Text.Json.JsonValueKind.Number => "a number",
            System.Text.Json.JsonValueKind.True or System.Text.Json.JsonValueKind.False => "a boolean",
            _ => "a value",
        },
        _ => "a value",
    };

    protected static string Child(string path, string key) => path.Length == 0 ? key : $"{path}.{key}";
}
