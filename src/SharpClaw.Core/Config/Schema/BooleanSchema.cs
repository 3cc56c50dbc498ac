using System.Text.Json;
using System.Text.Json.Nodes;

namespace SharpClaw.Core.Config.Schema;

/// <summary>true or false.</summary>
public sealed class BooleanSchema : SchemaNode
{
    public override string Expected => "true or false";

    public override bool AcceptsKind(JsonNode? value) => IsKind(value, JsonValueKind.True) || IsKind(value, JsonValueKind.False);

    public override void Validate(JsonNode? value, string path, List<ConfigIssue> issues)
    {
        if (!AcceptsKind(value))
        {
            issues.Add(WrongKind(path, value, "use true or false (no quotes)"));
        }
    }

    protected override JsonObject Export() => new() { ["type"] = "boolean" };
}
