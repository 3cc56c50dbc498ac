namespace SharpClaw.Protocol.Connect;

/// <summary>The validated <c>connect</c> params.</summary>
public sealed class ConnectParams
{
    public required int MinProtocol { get; init; }

    public required int MaxProtocol { get; init; }

    public required ConnectClient Client { get; init; }

    public string? Role { get; init; }

    /// <summary>Requested scopes exactly as sent (order kept: it is part of the signed payload).</summary>
    public IReadOnlyList<string> Scopes { get; init; } = [];

    public IReadOnlyList<string> Caps { get; init; } = [];

    public IReadOnlyList<string> Commands { get; init; } = [];

    public ConnectAuth Auth { get; init; } = new();

    public ConnectDevice? Device { get; init; }

    public string? Locale { get; init; }

    public string? UserAgent { get; init; }
}
