namespace SharpClaw.Core.Config;

/// <summary>A config write was refused (missing/stale base hash, invalid result, …); nothing was written.</summary>
public sealed class ConfigWriteException(string message, IReadOnlyList<ConfigIssue>? issues = null, string code = ConfigWriteException.InvalidRequest)
    : Exception(message)
{
    /// <summary>The protocol error code for every refusal (<c>ErrorShape</c> code).</summary>
    public const string InvalidRequest = "INVALID_REQUEST";

    public const string BaseHashRequiredMessage = "config base hash required; re-run config.get and retry";
    public const string StaleMessage = "config changed since last load; re-run config.get and retry";

    /// <summary>Machine code, e.g. <c>INVALID_REQUEST</c>.</summary>
    public string Code { get; } = code;

    public IReadOnlyList<ConfigIssue> Issues { get; } = issues ?? [];
}
