using System.Text.Json.Nodes;

namespace SharpClaw.Core.Config.Schema;

/// <summary>
/// The value must match one of the options (e.g. a model ref string or <c>{primary, fallbacks}</c>, a secret
/// string or a SecretRef object). Options should differ by JSON kind so the error names the right one.
/// </summary>
public sealed class UnionSchema : SchemaNode
{
    public required IReadOnlyList<SchemaNode> Options { get; init; }

    public override string Expected => string.Join(" or ", Options.Select(o => o.Expected).Distinct(StringComparer.Ordinal));

    public override bool AcceptsKind(JsonNode? value) => Options.Any(o => o.AcceptsKind(value));

    public override SchemaNode? ChildFor(JsonNode? value, string segment)
        => Options.Where(o => o.AcceptsKind(value)).Select(o => o.ChildFor(value, segment)).FirstOrDefault(c => c is not null);

    public override void Validate(JsonNode? value, string path, List<ConfigIssue> issues)
    {
        List<ConfigIssue>? best = null;
        foreach (var option in Options.Where(o => o.AcceptsKind(value)))
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

        issues.AddRange(best ?? [WrongKind(path, value, $"use {Expected}")]);
    }

    protected override JsonObject Export()
        => new() { ["anyOf"] = Protocol.Frames.JsonNodes.Array(Options.Select(o => (JsonNode?)o.ToJsonSchema())) };
}
