namespace SharpClaw.Agents.Tools.Exec;

/// <summary>What a finished (or killed) command produced.</summary>
public sealed record ExecOutcome(string Stdout, string Stderr, int? ExitCode, bool TimedOut, long DurationMs);
