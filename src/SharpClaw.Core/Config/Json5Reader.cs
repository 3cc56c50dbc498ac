using System.Text.Json.Nodes;

namespace SharpClaw.Core.Config;

/// <summary>
/// Reads JSON5 text (https://spec.json5.org) into a <see cref="JsonNode"/> tree.
/// CONTRACT STUB — being implemented by the JSON5 work item.
/// </summary>
public static class Json5Reader
{
    /// <summary>Parses a JSON5 document. Throws <see cref="Json5Exception"/> with line/column on bad input.</summary>
    public static JsonNode? Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return JsonNode.Parse(text, documentOptions: new System.Text.Json.JsonDocumentOptions { CommentHandling = System.Text.Json.JsonCommentHandling.Skip, AllowTrailingCommas = true });
    }
}
