using System.Text.Json.Nodes;

namespace SharpClaw.Core.Config.Schema;

/// <summary>Accepts anything (sections SharpClaw does not interpret yet are kept as they are).</summary>
public sealed class AnySchema : SchemaNode
{
    public override void Validate(JsonNode? value, string path, List<ConfigIssue> issues)
    {
    }

    protected override JsonObject Export() => [];
}
