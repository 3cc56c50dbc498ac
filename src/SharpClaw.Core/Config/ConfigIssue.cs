namespace SharpClaw.Core.Config;

/// <summary>One configuration problem: where (dot path, <c>[i]</c> for array items), what, and how to fix it.</summary>
public sealed record ConfigIssue(string Path, string Message, string Fix)
{
    public override string ToString() => $"- {(Path.Length == 0 ? "<root>" : Path)}: {Message} (fix: {Fix})";
}
