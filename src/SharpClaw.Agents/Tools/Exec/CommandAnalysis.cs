namespace SharpClaw.Agents.Tools.Exec;

/// <summary>Result of analysing a command for allowlist mode: the literal argv it runs, or why it cannot be judged.</summary>
public sealed record CommandAnalysis(IReadOnlyList<string>? Argv, string? Refusal)
{
    public static CommandAnalysis Refuse(string reason) => new(null, reason);
}
