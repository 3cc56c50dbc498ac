using System.Text.Json.Nodes;

namespace SharpClaw.Core.Config.Schema;

/// <summary>A string, optionally limited to a set of values.</summary>
public sealed class StringSchema : SchemaNode
{
    public IReadOnlyList<string>? Values { get; init; }

    public int MaxLength { get; init; } = 100_000;

    public override void Validate(JsonNode? value, string path, List<ConfigIssue> issues)
    {
        var s = Schemas.String(value);
        if (s is null)
        {
            issues.Add(new ConfigIssue(path, $"expected a string, got {Kind(value)}", Values is null ? "put the value in quotes" : $"use one of: {string.Join(", ", Values)}"));
            return;
        }

        if (Values is not null && !Values.Contains(s))
        {
            issues.Add(new ConfigIssue(path, $"\"{s}\" is not an allowed value", $"use one of: {string.Join(", ", Values)}"));
        }
        else if (s.Length > MaxLength)
        {
            issues.Add(new ConfigIssue(path, $"longer than {MaxLength} characters", "shorten it"));
        }
    }

    protected override JsonObject Export()
    {
        var o = new JsonObject { ["type"] = "string" };
        if (Values is not null)
        {
            o["enum"] = Protocol.Frames.JsonNodes.StringArray(Values);
        }

        return o;
    }
}
