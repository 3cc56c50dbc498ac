namespace SharpClaw.Core.Config;

/// <summary><c>gateway.auth.trustedProxy</c>: identity headers from a trusted reverse proxy.</summary>
public sealed record GatewayTrustedProxySettings
{
    public string? UserHeader { get; init; }

    public IReadOnlyList<string> RequiredHeaders { get; init; } = [];

    /// <summary>Allowed users; empty = any authenticated user.</summary>
    public IReadOnlyList<string> AllowUsers { get; init; } = [];

    public bool AllowLoopback { get; init; }
}
