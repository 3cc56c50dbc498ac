namespace SharpClaw.Core.Pairing;

/// <summary>A pending request from a device to be paired (or upgraded).</summary>
public sealed record PairingRequest
{
    public required string RequestId { get; init; }

    public required string DeviceId { get; init; }

    public required string PublicKey { get; init; }

    public string? DisplayName { get; init; }

    public string? Platform { get; init; }

    public string? DeviceFamily { get; init; }

    public string? ClientId { get; init; }

    public string? ClientMode { get; init; }

    public required string Role { get; init; }

    public required IReadOnlyList<string> Scopes { get; init; }

    public string? RemoteIp { get; init; }

    /// <summary>not-paired | role-upgrade | scope-upgrade | metadata-upgrade.</summary>
    public required string Reason { get; init; }

    public bool IsRepair { get; init; }

    public long CreatedAtMs { get; init; }
}
