using System.Text.Json.Nodes;
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

    public bool AllowHostHeaderOriginFallback { get; init; }

    public bool AutoApproveLocal { get; init; } = true;

    public string? HooksToken { get; init; }

    public static GatewayRuntimeSettings From(JsonObject? root)
    {
        var gateway = root?["gateway"] as JsonObject;
        var auth = gateway?["auth"] as JsonObject;
        var rate = auth?["rateLimit"] as JsonObject;
        var proxy = auth?["trustedProxy"] as JsonObject;
        var ui = gateway?["controlUi"] as JsonObject;
        var token = Str(auth, "token");
        var password = Str(auth, "password");
        var mode = Str(auth, "mode") ?? (password is not null && token is null ? "password" : "token");
        return new GatewayRuntimeSettings
        {
            Port = Int(gateway, "port") ?? Protocol.ProtocolConstants.DefaultPort,
            Bind = Str(gateway, "bind") ?? "loopback",
            CustomBindHost = Str(gateway, "customBindHost"),
            AuthMode = mode,
            Token = token,
            Password = password,
            AllowTailscale = Bool(auth, "allowTailscale") ?? false,
            RateLimit = new RateLimitSettings(
                Int(rate, "maxAttempts") ?? 10,
                Int(rate, "windowMs") ?? 60_000,
                Int(rate, "lockoutMs") ?? 300_000,
                Bool(rate, "exemptLoopback") ?? true),
            TrustedProxies = List(gateway, "trustedProxies"),
            TrustedProxyUserHeader = Str(proxy, "userHeader"),
            TrustedProxyRequiredHeaders = List(proxy, "requiredHeaders"),
            TrustedProxyAllowUsers = List(proxy, "allowUsers"),
            TrustedProxyAllowLoopback = Bool(proxy, "allowLoopback") ?? false,
            ControlUiEnabled = Bool(ui, "enabled") ?? true,
            ControlUiBasePath = Str(ui, "basePath") ?? "/",
            AllowedOrigins = List(ui, "allowedOrigins"),
            AllowHostHeaderOriginFallback = Bool(ui, "dangerouslyAllowHostHeaderOriginFallback") ?? false,
            AutoApproveLocal = Bool((gateway?["nodes"] as JsonObject)?["pairing"] as JsonObject, "autoApproveLocal") ?? true,
            HooksToken = Str(root?["hooks"] as JsonObject, "token"),
        };
    }

    private static string? Str(JsonObject? o, string key)
        => o?[key] is JsonValue v && v.TryGetValue<string>(out var s) && !string.IsNullOrEmpty(s) ? s : null;

    private static int? Int(JsonObject? o, string key)
        => o?[key] is JsonValue v && (v.TryGetValue<int>(out var i) || (v.TryGetValue<long>(out var l) && (i = (int)l) == l) || (v.TryGetValue<double>(out var d) && (i = (int)d) == d)) ? i : null;

    private static bool? Bool(JsonObject? o, string key)
        => o?[key] is JsonValue v && v.TryGetValue<bool>(out var b) ? b : null;

    private static string[] List(JsonObject? o, string key)
        => o?[key] is JsonArray a ? [.. a.OfType<JsonValue>().Select(x => x.TryGetValue<string>(out var s) ? s : null).OfType<string>()] : [];
}
