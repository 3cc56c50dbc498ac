namespace SharpClaw.Core.Pairing;

/// <summary>An approved device and the role/scope baseline it was approved for.</summary>
public sealed record PairedDevice
{
    public required string DeviceId { get; init; }

    public required string PublicKey { get; init; }

    public string? DisplayName { get; init; }

    public string? Platform { get; init; }

    public string? DeviceFamily { get; init; }

    public string? ClientId { get; init; }

    public string? ClientMode { get; init; }

    public required IReadOnlyList<string> Roles { get; init; }

    public required IReadOnlyList<string> Scopes { get; init; }

    public string? RemoteIp { get; init; }

    public long CreatedAtMs { get; init; }

    public long ApprovedAtMs { get; init; }

    public long? LastSeenAtMs { get; init; }
}
