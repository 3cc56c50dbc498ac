using System.Text.Json.Nodes;

namespace SharpClaw.Agents.Tools.Policy;

/// <summary>Who is asking for tools: config, agent, model provider, channel/sender context and the surface.</summary>
public sealed record ToolPolicyRequest
{
    /// <summary>The resolved config root (null = defaults: full profile, no allow/deny).</summary>
    public JsonObject? Config { get; init; }

    public string AgentId { get; init; } = "main";

    /// <summary>Model provider id (e.g. <c>openai</c>) for <c>tools.byProvider</c>.</summary>
    public string? Provider { get; init; }

    public string? Model { get; init; }

    /// <summary>Message channel (e.g. <c>webchat</c>, <c>telegram</c>) and channel group id, for group policy.</summary>
    public string? Channel { get; init; }

    public string? GroupId { get; init; }

    /// <summary>Whether the sender is an owner; owner-only tools (<c>cron</c>, <c>gateway</c>, <c>nodes</c>) need it.</summary>
    public bool SenderIsOwner { get; init; } = true;

    /// <summary>The session key; <c>:subagent:</c> keys get the sub-agent restrictions.</summary>
    public string? SessionKey { get; init; }

    /// <summary>True for HTTP <c>/tools/invoke</c>: high-risk tools are denied unless <c>gateway.tools.allow</c> lists them.</summary>
    public bool HttpInvoke { get; init; }
}
