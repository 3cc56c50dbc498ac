namespace SharpClaw.Agents.Tools;

/// <summary>Where a tool runs: agent, session, run and workspace, plus the delivery route of the caller when known.</summary>
public sealed record ToolContext(string AgentId, string SessionKey, string RunId, string Workspace)
{
    /// <summary>The caller's message channel (e.g. <c>x-openclaw-message-channel</c> on <c>/tools/invoke</c>).</summary>
    public string? MessageChannel { get; init; }

    /// <summary>The caller's channel account (<c>x-openclaw-account-id</c>).</summary>
    public string? AccountId { get; init; }

    /// <summary>Where replies go on that channel (<c>x-openclaw-message-to</c>, e.g. <c>channel:24514</c>).</summary>
    public string? MessageTo { get; init; }

    /// <summary>The thread on that channel (<c>x-openclaw-thread-id</c>).</summary>
    public string? ThreadId { get; init; }
}
