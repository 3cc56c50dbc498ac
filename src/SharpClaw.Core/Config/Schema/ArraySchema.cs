using System.Globalization;
using System.Text.Json.Nodes;

namespace SharpClaw.Core.Config.Schema;

/// <summary>An array whose items share one schema.</summary>
public sealed class ArraySchema : SchemaNode
{
    public required SchemaNode Items { get; init; }

    public int MaxItems { get; init; } = 10_000;

    public override string Expected => "an array";

    public override bool AcceptsKind(JsonNode? value) => value is JsonArray;

    public override SchemaNode? ChildFor(JsonNode? value, string segment) => Items;

    public override void Validate(JsonNode? value, string path, List<ConfigIssue> issues)
    {
        if (value is not JsonArray arr)
        {
            issues.Add(WrongKind(path, value, "use a list in square brackets: [ ... ]"));
            return;
        }

        if (arr.Count > MaxItems)
        {
            issues.Add(new ConfigIssue(path, $"has {arr.Count.ToString(CultureInfo.InvariantCulture)} items, more than {MaxItems.ToString(CultureInfo.InvariantCulture)}", $"keep at most {MaxItems.ToString(CultureInfo.InvariantCulture)} items"));
        }

        for (var i = 0; i < arr.Count; i++)
        {
            Items.Validate(arr[i], Item(path, i), issues);
        }
    }

    protected override JsonObject Export()
    {
        var o = new JsonObject { ["type"] = "array", ["items"] = Items.ToJsonSchema() };
        if (MaxItems != 10_000)
        {
            o["maxItems"] = MaxItems;
        }

        return o;
    }
}
