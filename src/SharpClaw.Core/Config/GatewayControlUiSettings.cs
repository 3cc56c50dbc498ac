namespace SharpClaw.Core.Config;

/// <summary><c>gateway.controlUi</c>.</summary>
public sealed record GatewayControlUiSettings
{
    public bool Enabled { get; init; } = true;

    public string BasePath { get; init; } = "/";

    public IReadOnlyList<string> AllowedOrigins { get; init; } = [];

    public bool DangerouslyAllowHostHeaderOriginFallback { get; init; }

    /// <summary><c>gateway.controlUi.root</c>: directory holding the built UI (index.html + assets).</summary>
    public string? Root { get; init; }

    /// <summary><c>gateway.controlUi.embedSandbox</c>: strict | scripts | trusted.</summary>
    public string EmbedSandbox { get; init; } = "scripts";
}
