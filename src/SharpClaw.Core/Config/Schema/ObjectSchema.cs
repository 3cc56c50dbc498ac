using System.Text.Json.Nodes;

namespace SharpClaw.Core.Config.Schema;

/// <summary>An object with known keys; unknown keys are errors unless the object is open.</summary>
public sealed class ObjectSchema : SchemaNode
{
    public required IReadOnlyDictionary<string, SchemaNode> Properties { get; init; }

    public bool AllowUnknown { get; init; }

    public override void Validate(JsonNode? value, string path, List<ConfigIssue> issues)
    {
        if (value is not JsonObject obj)
        {
            issues.Add(new ConfigIssue(path, $"expected an object, got {Kind(value)}", "use { key: value, ... }"));
            return;
        }

        foreach (var (k, v) in obj)
        {
            if (Properties.TryGetValue(k, out var node))
            {
                node.Validate(v, Child(path, k), issues);
            }
            else if (!AllowUnknown)
            {
                var suggestion = Suggest(k);
                issues.Add(new ConfigIssue(Child(path, k), "unknown key", suggestion is null
                    ? $"remove it; known keys here: {string.Join(", ", Properties.Keys.Order(StringComparer.Ordinal))}"
                    : $"did you mean \"{suggestion}\"?"));
            }
        }
    }

    private string? Suggest(string key)
        => Properties.Keys.Select(k => (k, d: Distance(k.ToLowerInvariant(), key.ToLowerInvariant()))).Where(x => x.d <= Math.Max(2, key.Length / 3)).OrderBy(x => x.d).Select(x => x.k).FirstOrDefault();

    private static int Distance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++)
        {
            d[i, 0] = i;
        }

        for (var j = 0; j <= b.Length; j++)
        {
            d[0, j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            }
        }

        return d[a.Length, b.Length];
    }

    protected override JsonObject Export()
    {
        var props = new JsonObject();
        foreach (var (k, v) in Properties)
        {
            props[k] = v.ToJsonSchema();
        }

        return new JsonObject { ["type"] = "object", ["properties"] = props, ["additionalProperties"] = AllowUnknown };
    }
}
