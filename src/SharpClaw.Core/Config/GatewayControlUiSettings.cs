namespace SharpClaw.Core.Config;

/// <summary><c>gateway.controlUi</c>.</summary>
public sealed record GatewayControlUiSettings
{
    public bool Enabled { get; init; } = true;

    public string BasePath { get; init; } = "/";

    public IReadOnlyList<string> AllowedOrigins { get; init; } = [];

    public bool DangerouslyAllowHostHeaderOriginFallback { get; init; }
}
