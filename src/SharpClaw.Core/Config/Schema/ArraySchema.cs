using System.Text.Json.Nodes;

namespace SharpClaw.Core.Config.Schema;

/// <summary>An array of items of one schema.</summary>
public sealed class ArraySchema : SchemaNode
{
    public required SchemaNode Items { get; init; }

    public int MaxItems { get; init; } = 10_000;

    public override void Validate(JsonNode? value, string path, List<ConfigIssue> issues)
    {
        if (value is not JsonArray arr)
        {
            issues.Add(new ConfigIssue(path, $"expected an array, got {Kind(value)}", "use a list in square brackets: [ ... ]"));
            return;
        }

        if (arr.Count > MaxItems)
        {
            issues.Add(new ConfigIssue(path, $"more than {MaxItems} items", "remove some items"));
        }

        for (var i = 0; i < arr.Count; i++)
        {
            Items.Validate(arr[i], $"{path}[{i}]", issues);
        }
    }

    protected override JsonObject Export() => new() { ["type"] = "array", ["items"] = Items.ToJsonSchema() };
}
