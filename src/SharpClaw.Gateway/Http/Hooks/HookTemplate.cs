using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace SharpClaw.Gateway.Http.Hooks;

/// <summary>
/// Renders <c>{{ expr }}</c> templates: <c>path</c>, <c>now</c>, <c>headers.x</c>, <c>query.x</c>, <c>payload.a.b[0]</c>
/// or a bare payload path. Missing values render empty, objects as JSON; <c>__proto__</c>, <c>prototype</c> and
/// <c>constructor</c> segments never resolve.
/// </summary>
internal static partial class HookTemplate
{
    private static readonly string[] Forbidden = ["__proto__", "prototype", "constructor"];

    public static string Render(string template, HookTemplateContext context)
        => Expression().Replace(template, m => Evaluate(m.Groups[1].Value.Trim(), context));

    private static string Evaluate(string expr, HookTemplateContext context)
    {
        if (expr == "path")
        {
            return context.Path;
        }

        if (expr == "now")
        {
            return context.Now.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture);
        }

        JsonNode? root = context.Payload;
        var rest = expr;
        foreach (var (prefix, node) in new[] { ("headers", context.Headers), ("query", context.Query), ("payload", context.Payload) })
        {
            if (expr == prefix)
            {
                return Format(node);
            }

            if (expr.StartsWith(prefix + ".", StringComparison.Ordinal))
            {
                root = node;
                rest = expr[(prefix.Length + 1)..];
                break;
            }
        }

        return Format(Walk(root, rest));
    }

    private static JsonNode? Walk(JsonNode? node, string path)
    {
        foreach (Match segment in Segment().Matches(path))
        {
            if (node is null)
            {
                return null;
            }

            if (segment.Groups["index"].Success)
            {
                var index = int.Parse(segment.Groups["index"].Value, CultureInfo.InvariantCulture);
                node = node is JsonArray a && index < a.Count ? a[index] : null;
                continue;
            }

            var key = segment.Groups["key"].Value;
            if (Forbidden.Contains(key))
            {
                return null;
            }

            node = node is JsonObject o ? o[key] : null;
        }

        return node;
    }

    private static string Format(JsonNode? node) => node switch
    {
        null => string.Empty,
        JsonValue v when v.GetValueKind() == JsonValueKind.String => v.GetValue<string>(),
        JsonValue v => v.ToJsonString(),
        _ => node.ToJsonString(),
    };

    [GeneratedRegex(@"\{\{\s*([^{}]*?)\s*\}\}")]
    private static partial Regex Expression();

    [GeneratedRegex(@"(?<key>[^.\[\]]+)|\[(?<index>\d+)\]")]
    private static partial Regex Segment();
}
