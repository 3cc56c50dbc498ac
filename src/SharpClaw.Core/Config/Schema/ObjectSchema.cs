using System.Text.Json.Nodes;

namespace SharpClaw.Core.Config.Schema;

/// <summary>
/// An object with known keys. Unknown keys are errors (with a "did you mean" suggestion) unless
/// <see cref="Additional"/> is set, in which case their values are checked against it.
/// </summary>
public sealed class ObjectSchema : SchemaNode
{
    public required IReadOnlyDictionary<string, SchemaNode> Properties { get; init; }

    /// <summary>Schema for keys not listed in <see cref="Properties"/>; null = unknown keys are errors.</summary>
    public SchemaNode? Additional { get; init; }

    public IReadOnlyList<string> Required { get; init; } = [];

    public override string Expected => "an object";

    public override bool AcceptsKind(JsonNode? value) => value is JsonObject;

    public override SchemaNode? ChildFor(JsonNode? value, string segment) => Properties.GetValueOrDefault(segment) ?? Additional;

    /// <summary>A copy of this object schema that requires <paramref name="keys"/>.</summary>
    public ObjectSchema Requiring(params string[] keys) => new()
    {
        Description = Description,
        Default = Default,
        Secret = Secret,
        Properties = Properties,
        Additional = Additional,
        Required = [.. Required, .. keys],
    };

    public override void Validate(JsonNode? value, string path, List<ConfigIssue> issues)
    {
        if (value is not JsonObject obj)
        {
            issues.Add(WrongKind(path, value, "use { key: value, ... }"));
            return;
        }

        foreach (var key in Required)
        {
            if (!obj.ContainsKey(key))
            {
                issues.Add(new ConfigIssue(Child(path, key), "is required", $"add \"{key}\" to {(path.Length == 0 ? "the config" : path)}"));
            }
        }

        foreach (var (k, v) in obj)
        {
            if (Properties.TryGetValue(k, out var node))
            {
                node.Validate(v, Child(path, k), issues);
            }
            else if (Additional is not null)
            {
                Additional.Validate(v, Child(path, k), issues);
            }
            else
            {
                var suggestion = KeySuggester.Suggest(k, Properties.Keys);
                issues.Add(new ConfigIssue(Child(path, k), "unknown key", suggestion is null
                    ? $"remove it; known keys{(path.Length == 0 ? string.Empty : " in " + path)}: {string.Join(", ", Properties.Keys.Order(StringComparer.Ordinal))}"
                    : $"did you mean \"{suggestion}\"? (rename it, or remove it)"));
            }
        }
    }

    protected override JsonObject Export()
    {
        var props = new JsonObject();
        foreach (var (k, v) in Properties)
        {
            props[k] = v.ToJsonSchema();
        }

        var o = new JsonObject { ["type"] = "object", ["properties"] = props };
        if (Required.Count > 0)
        {
            o["required"] = Protocol.Frames.JsonNodes.StringArray(Required);
        }

        o["additionalProperties"] = Additional switch
        {
            null => false,
            AnySchema { Description: null } => true,
            _ => Additional.ToJsonSchema(),
        };
        return o;
    }
}
