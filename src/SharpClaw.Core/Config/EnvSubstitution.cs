using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace SharpClaw.Core.Config;

/// <summary>
/// <c>${NAME}</c> substitution in string values (NAME = <c>[A-Z_][A-Z0-9_]*</c>, upper case only; other text
/// such as <c>${lower}</c> is left as is); <c>$${NAME}</c> is a literal <c>${NAME}</c>. A missing or empty variable
/// is an issue naming the variable and the config path, and the <c>${NAME}</c> text stays visibly unresolved.
/// Applied to the in-memory resolved config only; the file keeps the references.
/// </summary>
public static partial class EnvSubstitution
{
    /// <summary>Returns a substituted copy of <paramref name="node"/>; problems go to <paramref name="issues"/>.</summary>
    public static JsonNode? Apply(JsonNode? node, Func<string, string?> env, List<ConfigIssue> issues, string path = "")
    {
        switch (node)
        {
            case JsonObject o:
                var copy = new JsonObject();
                foreach (var (k, v) in o)
                {
                    copy[k] = Apply(v, env, issues, ConfigPath.Child(path, k));
                }

                return copy;
            case JsonArray a:
                var arr = new JsonArray();
                for (var i = 0; i < a.Count; i++)
                {
                    arr.Add(Apply(a[i], env, issues, ConfigPath.Item(path, i)));
                }

                return arr;
            case JsonValue when ConfigSchema.IsString(node):
                var s = node.GetValue<string>();
                return s.Contains("${", StringComparison.Ordinal) ? JsonValue.Create(Substitute(s, env, issues, path)) : node.DeepClone();
            default:
                return node?.DeepClone();
        }
    }

    /// <summary>
    /// The variable lookup OpenClaw uses: the process environment first, then <c>env.vars</c>, then string
    /// keys directly under <c>env</c> (both only fill variables that are missing).
    /// </summary>
    public static Func<string, string?> WithConfigVars(Func<string, string?> env, JsonObject? config)
    {
        var section = config?["env"] as JsonObject;
        var vars = section?["vars"] as JsonObject;
        return name =>
        {
            var value = env(name);
            if (!string.IsNullOrEmpty(value))
            {
                return value;
            }

            return Str(vars?[name]) ?? (name == "vars" ? null : Str(section?[name]));
        };
    }

    /// <summary>True when the string is exactly one <c>${NAME}</c> reference (it reveals no secret).</summary>
    public static bool IsPureReference(string s) => PureReference().IsMatch(s);

    private static string Substitute(string s, Func<string, string?> env, List<ConfigIssue> issues, string path)
    {
        var sb = new StringBuilder();
        var last = 0;
        foreach (Match m in Token().Matches(s))
        {
            sb.Append(s, last, m.Index - last);
            last = m.Index + m.Length;
            var name = m.Groups["name"].Value;
            if (m.Groups["escape"].Success)
            {
                sb.Append("${").Append(name).Append('}');
                continue;
            }

            var value = env(name);
            if (string.IsNullOrEmpty(value))
            {
                issues.Add(new ConfigIssue(path, $"Missing env var \"{name}\" referenced at config path: {path}", $"set {name} in the environment (or env.vars), or write $${{{name}}} for a literal ${{{name}}}"));
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

    private static string? Str(JsonNode? v) => ConfigSchema.IsString(v) && v!.GetValue<string>() is { Length: > 0 } s ? s : null;

    [GeneratedRegex(@"(?<escape>\$)?\$\{(?<name>[A-Z_][A-Z0-9_]*)\}", RegexOptions.CultureInvariant)]
    private static partial Regex Token();

    [GeneratedRegex(@"^\$\{[A-Z_][A-Z0-9_]*\}$", RegexOptions.CultureInvariant)]
    private static partial Regex PureReference();
}
