using System.Globalization;

namespace SharpClaw.Core.Config;

/// <summary>One configuration problem: where (dot path, <c>[i]</c> for array items; empty = the root), what, and how to fix it.</summary>
public sealed record ConfigIssue(string Path, string Message, string Fix)
{
    /// <summary>One line: <c>- &lt;path&gt;: &lt;message&gt; (fix: &lt;fix&gt;)</c>; the root is shown as <c>&lt;root&gt;</c>.</summary>
    public override string ToString() => $"- {DisplayPath}: {Message} (fix: {Fix})";

    public string DisplayPath => Path.Length == 0 ? "<root>" : Path;

    /// <summary>Up to <paramref name="max"/> issues as <c>path: message</c> joined with <c>; </c>, then <c>; and N more</c>.</summary>
    public static string Summarize(IReadOnlyCollection<ConfigIssue> issues, int max = 5)
    {
        var text = string.Join("; ", issues.Take(max).Select(i => $"{i.DisplayPath}: {i.Message}"));
        return issues.Count > max ? $"{text}; and {(issues.Count - max).ToString(CultureInfo.InvariantCulture)} more" : text;
    }
}
