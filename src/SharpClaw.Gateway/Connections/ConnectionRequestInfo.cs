using System.Net;

namespace SharpClaw.Gateway.Connections;

/// <summary>What the HTTP upgrade request told us about the client.</summary>
public sealed record ConnectionRequestInfo
{
    public string? Origin { get; init; }

    public string? Host { get; init; }

    public string? UserAgent { get; init; }

    /// <summary>True when any forwarding header (X-Forwarded-*, Forwarded, X-Real-IP) was present.</summary>
    public bool HasProxyHeaders { get; init; }

    /// <summary>Header lookup (lower-case names) for trusted-proxy and Tailscale identity.</summary>
    public IReadOnlyDictionary<string, string> Headers { get; init; } = new Dictionary<string, string>();

    public IPAddress? ForwardedFor { get; init; }
}
