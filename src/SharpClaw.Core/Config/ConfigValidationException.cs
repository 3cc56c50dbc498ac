namespace SharpClaw.Core.Config;

/// <summary>The config file is invalid; every problem is listed (path, reason, fix). Nothing was changed.</summary>
public sealed class ConfigValidationException(string path, IReadOnlyList<ConfigIssue> issues)
    : Exception($"Invalid config at {path}:\n{string.Join("\n", issues)}")
{
    public string ConfigPath { get; } = path;

    public IReadOnlyList<ConfigIssue> Issues { get; } = issues;
}
