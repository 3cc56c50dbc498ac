using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace SharpClaw.Core.Config.Schema;

/// <summary>A whole number within a range.</summary>
public sealed class IntegerSchema : SchemaNode
{
    public long Min { get; init; } = long.MinValue;

    public long Max { get; init; } = long.MaxValue;

    public override string Expected => "an integer";

    public override bool AcceptsKind(JsonNode? value) => IsKind(value, JsonValueKind.Number);

    public override void Validate(JsonNode? value, string path, List<ConfigIssue> issues)
    {
        if (!AcceptsKind(value))
        {
            issues.Add(WrongKind(path, value, RangeText() + " (no quotes)"));
            return;
        }

        if (!TryGetWhole(value!.AsValue(), out var n))
        {
            issues.Add(new ConfigIssue(path, $"expected an integer, got {value.ToJsonString()}", RangeText()));
            return;
        }

        if (n < Min || n > Max)
        {
            issues.Add(new ConfigIssue(path, $"{n.ToString(CultureInfo.InvariantCulture)} is out of range", RangeText()));
        }
    }

    internal static bool TryGetWhole(JsonValue v, out long n)
    {
        if (v.TryGetValue(out n))
        {
            return true;
        }

        if (v.TryGetValue<double>(out var d) && Math.Floor(d) == d && d >= long.MinValue && d <= long.MaxValue)
        {
            n = (long)d;
            return true;
        }

        return false;
    }

    private string RangeText() => (Min, Max) switch
    {
        (long.MinValue, long.MaxValue) => "use a whole number",
        (_, long.MaxValue) => $"use a whole number of at least {Min.ToString(CultureInfo.InvariantCulture)}",
        (long.MinValue, _) => $"use a whole number of at most {Max.ToString(CultureInfo.InvariantCulture)}",
        _ => $"use a whole number from {Min.ToString(CultureInfo.InvariantCulture)} to {Max.ToString(CultureInfo.InvariantCulture)}",
    };

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
