using System.Text.Json.Nodes;

namespace SharpClaw.Core.Config.Schema;

/// <summary>Accepts anything (values SharpClaw does not interpret are kept as they are).</summary>
public sealed class AnySchema : SchemaNode
{
    public override string Expected => "any value";

    public override bool AcceptsKind(JsonNode? value) => true;

    public override void Validate(JsonNode? value, string path, List<ConfigIssue> issues)
    {
    }

    protected override JsonObject Export() => [];
}
