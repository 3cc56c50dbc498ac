using System.Text.Json.Nodes;
using SharpClaw.Core.Config;
using SharpClaw.Gateway.Auth;

namespace SharpClaw.Gateway.Runtime;

/// <summary>The resolved settings the gateway acts on, derived from the config plus command-line overrides.</summary>
public sealed record GatewayRuntimeSettings
{
    public int Port { get; init; } = Protocol.ProtocolConstants.DefaultPort;

    public string Bind { get; init; } = "loopback";

    public string? CustomBindHost { get; init; }

    /// <summary>none | token | password | trusted-proxy.</summary>
    public string AuthMode { get; init; } = "token";

    public string? Token { get; init; }

    public string? Password { get; init; }

    public bool AllowTailscale { get; init; }

    public RateLimitSettings RateLimit { get; init; } = new();

    public IReadOnlyList<string> TrustedProxies { get; init; } = [];

    public string? TrustedProxyUserHeader { get; init; }

    public IReadOnlyList<string> TrustedProxyRequiredHeaders { get; init; } = [];

    public IReadOnlyList<string> TrustedProxyAllowUsers { get; init; } = [];

    public bool TrustedProxyAllowLoopback { get; init; }

    public bool ControlUiEnabled { get; init; } = true;

    public string ControlUiBasePath { get; init; } = "/";

    public IReadOnlyList<string> AllowedOrigins { get; init; } = [];

    /// <summary>Configured Control UI asset directory (null: environment or the folder next to the executable).</summary>
    public string? ControlUiRoot { get; init; }

    public string ControlUiEmbedSandbox { get; init; } = "scripts";

    public bool AllowHostHeaderOriginFallback { get; init; }

    public bool AutoApproveLocal { get; init; } = true;

    public string? HooksToken { get; init; }

    /// <summary>Maps the config's gateway settings (read by <see cref="GatewaySettings"/>) onto what the gateway acts on.</summary>
    public static GatewayRuntimeSettings From(JsonObject? root)
    {
        var g = GatewaySettings.From(root);
        return new GatewayRuntimeSettings
        {
            Port = g.Port,
            Bind = g.Bind,
            CustomBindHost = g.CustomBindHost,
            AuthMode = g.AuthMode,
            Token = g.Token,
            Password = g.Password,
            AllowTailscale = g.AllowTailscale,
            RateLimit = new RateLimitSettings(g.RateLimit.MaxAttempts, g.RateLimit.WindowMs, g.RateLimit.LockoutMs, g.RateLimit.ExemptLoopback),
            TrustedProxies = g.TrustedProxies,
            TrustedProxyUserHeader = g.TrustedProxy.UserHeader,
            TrustedProxyRequiredHeaders = g.TrustedProxy.RequiredHeaders,
            TrustedProxyAllowUsers = g.TrustedProxy.AllowUsers,
            TrustedProxyAllowLoopback = g.TrustedProxy.AllowLoopback,
            ControlUiEnabled = g.ControlUi.Enabled,
            ControlUiBasePath = g.ControlUi.BasePath,
            AllowedOrigins = g.ControlUi.AllowedOrigins,
            ControlUiRoot = g.ControlUi.Root,
            ControlUiEmbedSandbox = g.ControlUi.EmbedSandbox,
            AllowHostHeaderOriginFallback = g.ControlUi.DangerouslyAllowHostHeaderOriginFallback,
            AutoApproveLocal = g.AutoApproveLocal,
            HooksToken = g.HooksToken,
        };
    }
}
