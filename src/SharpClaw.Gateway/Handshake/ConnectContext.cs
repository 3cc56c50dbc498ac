using SharpClaw.Gateway.Connections;
using SharpClaw.Protocol.Connect;

namespace SharpClaw.Gateway.Handshake;

/// <summary>Working state of one connect attempt while the checks run.</summary>
internal sealed class ConnectContext
{
    public required GatewayConnection Connection { get; init; }

    public required ConnectParams Params { get; init; }

    public required string Nonce { get; init; }

    public required string Role { get; init; }

    public required bool IsDirectLocal { get; init; }

    public string? AuthMethod { get; set; }

    public string? User { get; set; }

    /// <summary>A device token still to verify (after the device proof).</summary>
    public string? PendingDeviceToken { get; set; }

    /// <summary>The failure to report if <see cref="PendingDeviceToken"/> does not verify.</summary>
    public string? PendingFailureReason { get; set; }

    public byte[]? DevicePublicKey { get; set; }

    public string? Origin => Connection.Request.Origin;
}
