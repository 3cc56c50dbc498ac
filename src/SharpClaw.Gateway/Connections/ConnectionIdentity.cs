using SharpClaw.Protocol.Connect;

namespace SharpClaw.Gateway.Connections;

/// <summary>Who a connection is once the handshake has succeeded.</summary>
public sealed record ConnectionIdentity
{
    public required string Role { get; init; }

    public required IReadOnlyList<string> Scopes { get; init; }

    public required ConnectClient Client { get; init; }

    /// <summary>none | token | password | device-token | trusted-proxy | tailscale.</summary>
    public required string AuthMethod { get; init; }

    public string? DeviceId { get; init; }

    public string? User { get; init; }

    public IReadOnlySet<string> Caps { get; init; } = new HashSet<string>();
}
