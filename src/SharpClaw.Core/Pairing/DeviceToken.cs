namespace SharpClaw.Core.Pairing;

/// <summary>A bearer token issued to a paired device for one role.</summary>
public sealed record DeviceToken
{
    public required string DeviceId { get; init; }

    public required string Role { get; init; }

    public required string Token { get; init; }

    public required IReadOnlyList<string> Scopes { get; init; }

    public long CreatedAtMs { get; init; }

    public long? RotatedAtMs { get; init; }

    public long? RevokedAtMs { get; init; }

    public long? LastUsedAtMs { get; init; }
}
