using System.Text.Json.Nodes;

namespace SharpClaw.Core.Config.Schema;

/// <summary>true or false.</summary>
public sealed class BooleanSchema : SchemaNode
{
    public override void Validate(JsonNode? value, string path, List<ConfigIssue> issues)
    {
        if (value is not JsonValue jv || jv.GetValueKind() is not (System.Text.Json.JsonValueKind.True or System.Text.Json.JsonValueKind.False))
        {
            issues.Add(new ConfigIssue(path, $"expected true or false, got {Kind(value)}", "use true or false (no quotes)"));
        }
    }

    protected override JsonObject Export() => new() { ["type"] = "boolean" };
}
