using System.Text.Json;
using System.Text.Json.Nodes;
using SharpClaw.Core.Config.Schema;
using SharpClaw.Core.Config.Sections;

namespace SharpClaw.Core.Config;

/// <summary>
/// The schema of <c>sharpclaw.json</c> — OpenClaw's <c>openclaw.json</c> key names and shapes, defined once
/// (see <see cref="Schemas"/>) and used both to validate a config tree and to export JSON Schema.
/// </summary>
public static class ConfigSchema
{
    public const string JsonSchemaDialect = "http://json-schema.org/draft-07/schema#";

    public static ObjectSchema Root { get; } = RootSection.Build();

    /// <summary>Every problem in <paramref name="root"/>: schema violations first, then cross-field rules.</summary>
    public static IReadOnlyList<ConfigIssue> Validate(JsonNode? root)
    {
        var issues = new List<ConfigIssue>();
        Root.Validate(root, string.Empty, issues);
        if (root is JsonObject o)
        {
            ConfigRules.Check(o, issues);
        }

        return issues;
    }

    /// <summary>JSON Schema (draft-07) for <c>config.schema</c> and form generation.</summary>
    public static JsonObject ToJsonSchema()
    {
        var body = Root.ToJsonSchema();
        var schema = new JsonObject
        {
            ["$schema"] = JsonSchemaDialect,
            ["title"] = "SharpClaw configuration",
        };
        foreach (var (k, v) in body)
        {
            schema[k] = v?.DeepClone();
        }

        return schema;
    }

    /// <summary>The JSON Schema as indented JSON text.</summary>
    public static string ToJsonSchemaText() => ConfigJson.Pretty(ToJsonSchema());

    /// <summary>The schema node at a dot path (<c>[i]</c> or a numeric segment for array items), or null.</summary>
    public static SchemaNode? Lookup(string path)
    {
        SchemaNode? node = Root;
        foreach (var segment in ConfigPath.Split(path))
        {
            node = node?.ChildFor(GuessValue(node, segment), segment);
            if (node is null)
            {
                return null;
            }
        }

        return node;
    }

    /// <summary>True when the dot path names a secret in the schema (e.g. <c>models.providers.openai.apiKey</c>).</summary>
    public static bool IsSecretPath(string path) => Lookup(path)?.Secret == true;

    // For union nodes the child depends on the value's kind; a path alone can only say object vs array.
    private static JsonNode GuessValue(SchemaNode node, string segment)
        => segment.StartsWith('[') && node is not ObjectSchema ? new JsonArray() : new JsonObject();

    internal static bool IsString(JsonNode? v) => v is JsonValue jv && jv.GetValueKind() == JsonValueKind.String;
}
