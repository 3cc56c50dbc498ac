using SharpClaw.Providers.Abstractions;

namespace SharpClaw.Agents.Runs;

/// <summary>How a run ended.</summary>
public sealed record AgentRunResult
{
    /// <summary>ok | error | timeout | aborted.</summary>
    public required string Status { get; init; }

    public string Text { get; init; } = string.Empty;

    public string? StopReason { get; init; }

    public string? Error { get; init; }

    /// <summary>refusal | timeout | rate_limit | context_length | unknown (chat error kinds).</summary>
    public string? ErrorKind { get; init; }

    public TokenUsage Usage { get; init; } = TokenUsage.Zero;

    public decimal CostUsd { get; init; }

    public string? Provider { get; init; }

    public string? Model { get; init; }

    public long StartedAtMs { get; init; }

    public long EndedAtMs { get; init; }

    public int Iterations { get; init; }

    /// <summary>Client tool calls the run stopped for (stop reason <c>tool_calls</c>).</summary>
    public IReadOnlyList<PendingToolCall> PendingToolCalls { get; init; } = [];
}
