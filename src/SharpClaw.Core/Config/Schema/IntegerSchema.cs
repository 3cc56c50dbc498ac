using System.Text.Json.Nodes;

namespace SharpClaw.Core.Config.Schema;

/// <summary>An integer within a range.</summary>
public sealed class IntegerSchema : SchemaNode
{
    public long Min { get; init; } = long.MinValue;

    public long Max { get; init; } = long.MaxValue;

    public override void Validate(JsonNode? value, string path, List<ConfigIssue> issues)
    {
        if (value is not JsonValue jv || jv.GetValueKind() != System.Text.Json.JsonValueKind.Number || !jv.TryGetValue<long>(out var n))
        {
            issues.Add(new ConfigIssue(path, $"expected an integer, got {Kind(value)}", RangeText()));
            return;
        }

        if (n < Min || n > Max)
        {
            issues.Add(new ConfigIssue(path, $"{n} is out of range", RangeText()));
        }
    }

    private string RangeText() => Min == long.MinValue && Max == long.MaxValue ? "use a whole number" : $"use a whole number from {(Min == long.MinValue ? "-∞" : Min)} to {(Max == long.MaxValue ? "∞" : Max)}";

    protected override JsonObject Export()
    {
        var o = new JsonObject { ["type"] = "integer" };
        if (Min != long.MinValue)
        {
            o["minimum"] = Min;
        }

        if (Max != long.MaxValue)
        {
            o["maximum"] = Max;
        }

        return o;
    }
}
