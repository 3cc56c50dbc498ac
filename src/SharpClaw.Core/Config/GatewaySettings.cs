using System.Text.Json.Nodes;
using static SharpClaw.Core.Config.ConfigReader;

namespace SharpClaw.Core.Config;

/// <summary>
/// The gateway's typed view of a resolved config (<see cref="ConfigSnapshot.Resolved"/>, so <c>${VAR}</c>s and
/// environment overrides are already applied), with OpenClaw's defaults for everything unset.
/// </summary>
public sealed record GatewaySettings
{
    public const int DefaultPort = 18_789;

    public int Port { get; init; } = DefaultPort;

    /// <summary>loopback | lan | tailnet | custom | auto.</summary>
    public string Bind { get; init; } = "loopback";

    public string? CustomBindHost { get; init; }

    /// <summary>none | token | password | trusted-proxy: the explicit mode, else password when a password is set, else token.</summary>
    public string AuthMode { get; init; } = "token";

    /// <summary>Whether <see cref="AuthMode"/> was set in the config (rather than inferred).</summary>
    public bool AuthModeExplicit { get; init; }

    public string? Token { get; init; }

    public string? Password { get; init; }

    public bool AllowTailscale { get; init; }

    public GatewayRateLimitSettings RateLimit { get; init; } = new();

    public IReadOnlyList<string> TrustedProxies { get; init; } = [];

    public GatewayTrustedProxySettings TrustedProxy { get; init; } = new();

    public GatewayControlUiSettings ControlUi { get; init; } = new();

    /// <summary><c>gateway.nodes.pairing.autoApproveLocal</c> (default true).</summary>
    public bool AutoApproveLocal { get; init; } = true;

    public string? HooksToken { get; init; }

    public bool HooksEnabled { get; init; }

    public static GatewaySettings From(JsonObject? resolved)
    {
        var gateway = Obj(resolved, "gateway");
        var auth = Obj(gateway, "auth");
        var rate = Obj(auth, "rateLimit");
        var proxy = Obj(auth, "trustedProxy");
        var ui = Obj(gateway, "controlUi");
        var hooks = Obj(resolved, "hooks");
        var token = Str(auth, "token");
        var password = Str(auth, "password");
        var mode = Str(auth, "mode");
        var defaults = new GatewayRateLimitSettings();
        return new GatewaySettings
        {
            Port = Int(gateway, "port") is { } port and >= 1 and <= 65_535 ? port : DefaultPort,
            Bind = Str(gateway, "bind") ?? "loopback",
            CustomBindHost = Str(gateway, "customBindHost"),
            AuthMode = mode ?? (password is not null ? "password" : "token"),
            AuthModeExplicit = mode is not null,
            Token = token,
            Password = password,
            AllowTailscale = Bool(auth, "allowTailscale") ?? false,
            RateLimit = new GatewayRateLimitSettings(
                Int(rate, "maxAttempts") ?? defaults.MaxAttempts,
                Int(rate, "windowMs") ?? defaults.WindowMs,
                Int(rate, "lockoutMs") ?? defaults.LockoutMs,
                Bool(rate, "exemptLoopback") ?? defaults.ExemptLoopback),
            TrustedProxies = Strings(gateway, "trustedProxies"),
            TrustedProxy = new GatewayTrustedProxySettings
            {
                UserHeader = Str(proxy, "userHeader"),
                RequiredHeaders = Strings(proxy, "requiredHeaders"),
                AllowUsers = Strings(proxy, "allowUsers"),
                AllowLoopback = Bool(proxy, "allowLoopback") ?? false,
            },
            ControlUi = new GatewayControlUiSettings
            {
                Enabled = Bool(ui, "enabled") ?? true,
                BasePath = Str(ui, "basePath") ?? "/",
                AllowedOrigins = Strings(ui, "allowedOrigins"),
                DangerouslyAllowHostHeaderOriginFallback = Bool(ui, "dangerouslyAllowHostHeaderOriginFallback") ?? false,
                Root = Str(ui, "root"),
                EmbedSandbox = Str(ui, "embedSandbox") ?? "scripts",
            },
            AutoApproveLocal = Bool(Obj(Obj(gateway, "nodes"), "pairing"), "autoApproveLocal") ?? true,
            HooksToken = Str(hooks, "token"),
            HooksEnabled = Bool(hooks, "enabled") ?? false,
        };
    }
}
