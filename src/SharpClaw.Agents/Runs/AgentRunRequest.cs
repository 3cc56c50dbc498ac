namespace SharpClaw.Agents.Runs;

/// <summary>What to run: one user message into one session.</summary>
public sealed record AgentRunRequest
{
    /// <summary>The run id (= the caller's idempotency key).</summary>
    public required string RunId { get; init; }

    public required string Message { get; init; }

    public string? AgentId { get; init; }

    /// <summary>Request session key (resolved against the agent; null → the agent's main session).</summary>
    public string? SessionKey { get; init; }

    public string? Model { get; init; }

    public string? Thinking { get; init; }

    public string? ExtraSystemPrompt { get; init; }

    public int? TimeoutSeconds { get; init; }

    public string? Channel { get; init; }

    /// <summary>Image attachments (base64 data + mime type).</summary>
    public IReadOnlyList<RunAttachment> Attachments { get; init; } = [];

    /// <summary>Tool names this run may use; null = every registered tool.</summary>
    public IReadOnlyCollection<string>? AllowedTools { get; init; }

    /// <summary>Output token cap per model call (OpenResponses <c>max_output_tokens</c>); null = provider default.</summary>
    public int? MaxOutputTokens { get; init; }

    /// <summary>Extra (client-defined) tools, e.g. from the OpenResponses API.</summary>
    public IReadOnlyList<Tools.IAgentTool> ExtraTools { get; init; } = [];
}
