using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace SharpClaw.Core.Config.Schema;

/// <summary>Any finite number within an optional range.</summary>
public sealed class NumberSchema : SchemaNode
{
    public double? Min { get; init; }

    public double? Max { get; init; }

    public override string Expected => "a number";

    public override bool AcceptsKind(JsonNode? value) => IsKind(value, JsonValueKind.Number);

    public override void Validate(JsonNode? value, string path, List<ConfigIssue> issues)
    {
        if (!AcceptsKind(value))
        {
            issues.Add(WrongKind(path, value, RangeText() + " (no quotes)"));
            return;
        }

        if (!value!.AsValue().TryGetValue<double>(out var d) || !double.IsFinite(d))
        {
            issues.Add(new ConfigIssue(path, "expected a finite number", RangeText()));
            return;
        }

        if ((Min is { } min && d < min) || (Max is { } max && d > max))
        {
            issues.Add(new ConfigIssue(path, $"{d.ToString(CultureInfo.InvariantCulture)} is out of range", RangeText()));
        }
    }

    private string RangeText() => (Min, Max) switch
    {
        (null, null) => "use a number",
        ({ } lo, null) => $"use a number of at least {lo.ToString(CultureInfo.InvariantCulture)}",
        (null, { } hi) => $"use a number of at most {hi.ToString(CultureInfo.InvariantCulture)}",
        ({ } lo, { } hi) => $"use a number from {lo.ToString(CultureInfo.InvariantCulture)} to {hi.ToString(CultureInfo.InvariantCulture)}",
    };

    protected override JsonObject Export()
    {
        var o = new JsonObject { ["type"] = "number" };
        if (Min is { } min)
        {
            o["minimum"] = min;
        }

        if (Max is { } max)
        {
            o["maximum"] = max;
        }

        return o;
    }
}
