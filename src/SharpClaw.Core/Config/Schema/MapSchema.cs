using System.Text.Json.Nodes;

namespace SharpClaw.Core.Config.Schema;

/// <summary>An object whose keys are free (ids) and whose values share one schema.</summary>
public sealed class MapSchema : SchemaNode
{
    public required SchemaNode Values { get; init; }

    public override void Validate(JsonNode? value, string path, List<ConfigIssue> issues)
    {
        if (value is not JsonObject obj)
        {
            issues.Add(new ConfigIssue(path, $"expected an object, got {Kind(value)}", "use { \"<id>\": { ... } }"));
            return;
        }

        foreach (var (k, v) in obj)
        {
            Values.Validate(v, Child(path, k), issues);
        }
    }

    protected override JsonObject Export() => new() { ["type"] = "object", ["additionalProperties"] = Values.ToJsonSchema() };
}
