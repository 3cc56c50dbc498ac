using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace SharpClaw.Core.Config;

/// <summary>
/// <c>${NAME}</c> substitution in string values (NAME = <c>[A-Z_][A-Z0-9_]*</c>); <c>$${NAME}</c> is a literal
/// <c>${NAME}</c>. A missing or empty variable is reported as an issue with its config path.
/// </summary>
public static partial class EnvSubstitution
{
    public static JsonNode? Apply(JsonNode? node, Func<string, string?> env, List<ConfigIssue> issues, string path = "")
    {
        switch (node)
        {
            case JsonObject o:
                var copy = new JsonObject();
                foreach (var (k, v) in o)
                {
                    copy[k] = Apply(v, env, issues, path.Length == 0 ? k : $"{path}.{k}");
                }

                return copy;
            case JsonArray a:
                var arr = new JsonArray();
                for (var i = 0; i < a.Count; i++)
                {
                    arr.Add(Apply(a[i], env, issues, $"{path}[{i}]"));
                }

                return arr;
            case JsonValue v when v.GetValueKind() == System.Text.Json.JsonValueKind.String:
                var s = v.GetValue<string>();
                return s.Contains("${", StringComparison.Ordinal) ? JsonValue.Create(Substitute(s, env, issues, path)) : v.DeepClone();
            default:
                return node?.DeepClone();
        }
    }

    private static string Substitute(string s, Func<string, string?> env, List<ConfigIssue> issues, string path)
    {
        var sb = new StringBuilder();
        var last = 0;
        foreach (Match m in Token().Matches(s))
        {
            sb.Append(s, last, m.Index - last);
            last = m.Index + m.Length;
            if (m.Groups["escape"].Success)
            {
                sb.Append("${").Append(m.Groups["name"].Value).Append('}');
                continue;
            }

            var name = m.Groups["name"].Value;
            var value = env(name);
            if (string.IsNullOrEmpty(value))
            {
                issues.Add(new ConfigIssue(path, $"missing env var \"{name}\"", $"set {name} in the environment, or replace ${{{name}}} with a value"));
                sb.Append(m.Value);
            }
            else
            {
                sb.Append(value);
            }
        }

        sb.Append(s, last, s.Length - last);
        return sb.ToString();
    }

    [GeneratedRegex(@"(?<escape>\$)?\$\{(?<name>[A-Z_][A-Z0-9_]*)\}")]
    private static partial Regex Token();
}
