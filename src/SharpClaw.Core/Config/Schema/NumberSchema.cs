using System.Text.Json.Nodes;

namespace SharpClaw.Core.Config.Schema;

/// <summary>Any number.</summary>
public sealed class NumberSchema : SchemaNode
{
    public override void Validate(JsonNode? value, string path, List<ConfigIssue> issues)
    {
        if (value is not JsonValue jv || jv.GetValueKind() != System.Text.Json.JsonValueKind.Number)
        {
            issues.Add(new ConfigIssue(path, $"expected a number, got {Kind(value)}", "use a number (no quotes)"));
        }
    }

    protected override JsonObject Export() => new() { ["type"] = "number" };
}
