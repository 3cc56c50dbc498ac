namespace SharpClaw.Gateway.Http.Hooks;

/// <summary>A webhook that runs an agent turn (from <c>/hooks/agent</c> or an agent mapping).</summary>
internal sealed record HookAgentAction
{
    public required string Message { get; init; }

    public string Name { get; init; } = "Hook";

    public string? AgentId { get; init; }

    public string? SessionKey { get; init; }

    /// <summary>True when the caller chose the session key (needs <c>hooks.allowRequestSessionKey</c>).</summary>
    public bool SessionKeyFromRequest { get; init; }

    public bool Deliver { get; init; } = true;

    public string Channel { get; init; } = "last";

    public string? To { get; init; }

    public string? Model { get; init; }

    public string? Thinking { get; init; }

    public int? TimeoutSeconds { get; init; }

    /// <summary>now | next-heartbeat: when the completion note should wake the main session.</summary>
    public string WakeMode { get; init; } = "now";

    /// <summary>webhook | gmail: the external-content source label.</summary>
    public string Source { get; init; } = "webhook";

    public bool AllowUnsafeExternalContent { get; init; }

    public string? IdempotencyKey { get; init; }
}
