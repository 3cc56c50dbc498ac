namespace SharpClaw.Protocol.Connect;

/// <summary><c>connect.params.auth</c>.</summary>
public sealed record ConnectAuth
{
    public string? Token { get; init; }

    public string? BootstrapToken { get; init; }

    public string? DeviceToken { get; init; }

    public string? Password { get; init; }

    public bool HasAny => Token is not null || DeviceToken is not null || Password is not null || BootstrapToken is not null;
}
