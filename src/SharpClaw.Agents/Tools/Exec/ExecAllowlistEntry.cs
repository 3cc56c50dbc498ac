namespace SharpClaw.Agents.Tools.Exec;

/// <summary>One allowlist rule: an executable pattern (absolute-path glob, or a bare command name).</summary>
public sealed record ExecAllowlistEntry(string Id, string Pattern, string? Source, long? LastUsedAt, string? LastUsedCommand);
