using System.Text.Json.Nodes;

namespace SharpClaw.Gateway.Http;

/// <summary>One <c>/tools/invoke</c> call as the policy sees it.</summary>
public sealed record ToolInvokeRequest
{
    public required string Tool { get; init; }

    public string? Action { get; init; }

    public required JsonObject Args { get; init; }

    public required string AgentId { get; init; }

    public required string SessionKey { get; init; }

    /// <summary><c>X-OpenClaw-Message-Channel</c> (lower-cased), if sent.</summary>
    public string? MessageChannel { get; init; }

    /// <summary><c>X-OpenClaw-Account-Id</c>, if sent.</summary>
    public string? AccountId { get; init; }

    public bool SenderIsOwner { get; init; }

    /// <summary>The resolved config, for policies that read <c>tools.*</c> / <c>gateway.tools.*</c>.</summary>
    public JsonObject? Config { get; init; }
}
