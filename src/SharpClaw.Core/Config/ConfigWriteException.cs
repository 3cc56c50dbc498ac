namespace SharpClaw.Core.Config;

/// <summary>A config write was refused (stale hash, invalid result, …); nothing was written.</summary>
public sealed class ConfigWriteException(string message, IReadOnlyList<ConfigIssue>? issues = null) : Exception(message)
{
    public IReadOnlyList<ConfigIssue> Issues { get; } = issues ?? [];
}
