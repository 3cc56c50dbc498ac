using System.Text.Json.Nodes;

namespace SharpClaw.Core.Config.Schema;

/// <summary>The value must match one of the options (e.g. a model ref string or <c>{primary, fallbacks}</c>).</summary>
public sealed class UnionSchema : SchemaNode
{
    public required IReadOnlyList<SchemaNode> Options { get; init; }

    public override void Validate(JsonNode? value, string path, List<ConfigIssue> issues)
    {
        List<ConfigIssue>? best = null;
        foreach (var option in Options)
        {
            var attempt = new List<ConfigIssue>();
            option.Validate(value, path, attempt);
            if (attempt.Count == 0)
            {
                return;
            }

            if (best is null || attempt.Count < best.Count)
            {
                best = attempt;
            }
        }

        issues.AddRange(best ?? []);
    }

    protected override JsonObject Export()
        => new() { ["anyOf"] = Protocol.Frames.JsonNodes.Array(Options.Select(o => (JsonNode?)o.ToJsonSchema())) };
}
