namespace SharpClaw.Agents.Tools.Exec;

/// <summary>What an operator is asked to approve: exactly this command text in this cwd, for this agent/session.</summary>
public sealed record ExecApprovalRequest
{
    public required string Command { get; init; }

    public string? Cwd { get; init; }

    public string? AgentId { get; init; }

    public string? SessionKey { get; init; }

    public string? RunId { get; init; }

    public string? ToolCallId { get; init; }

    public string? Security { get; init; }

    public string? Ask { get; init; }

    /// <summary>Why approval is needed (e.g. the allowlist miss), shown to the operator.</summary>
    public string? Reason { get; init; }

    /// <summary>False when allow-always cannot be offered (ask=always, or no single executable to persist).</summary>
    public bool AllowAlwaysAvailable { get; init; } = true;

    public long? TimeoutMs { get; init; }
}
