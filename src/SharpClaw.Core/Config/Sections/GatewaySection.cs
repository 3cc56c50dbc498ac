using SharpClaw.Core.Config.Schema;
using static SharpClaw.Core.Config.Schema.Schemas;

namespace SharpClaw.Core.Config.Sections;

/// <summary><c>gateway.*</c>: listen address, auth, proxies, Control UI, HTTP endpoints, pairing, Tailscale, reload, TLS.</summary>
internal static class GatewaySection
{
    public static readonly string[] AuthModes = ["none", "token", "password", "trusted-proxy"];

    public static readonly string[] BindModes = ["loopback", "lan", "tailnet", "custom", "auto"];

    public static ObjectSchema Build() => Obj("the gateway process (WebSocket + HTTP on one port)",
        ("mode", Enum("local runs the gateway on this machine; remote points clients at another gateway", ["local", "remote"])),
        ("port", Int("WebSocket + HTTP port", 1, 65_535, 18_789)),
        ("bind", Enum("where to listen: loopback (127.0.0.1), lan (all interfaces), tailnet, custom (customBindHost) or auto", BindModes, "loopback")),
        ("customBindHost", NonEmpty("IPv4 address to bind when bind is \"custom\"")),
        ("publicOrigin", Str("externally reachable HTTPS origin for callback routes")),
        ("auth", Auth()),
        ("trustedProxies", Strs("IPs or CIDRs of reverse proxies whose forwarding headers are trusted")),
        ("allowRealIpFallback", Bool("accept X-Real-IP when X-Forwarded-For is missing", false)),
        ("controlUi", ControlUi()),
        ("http", Open("HTTP surfaces",
            ("endpoints", Open("OpenAI-compatible endpoints (disabled by default)",
                ("chatCompletions", Open("POST /v1/chat/completions", ("enabled", Bool(null, false)), ("maxBodyBytes", ByteSize()))),
                ("responses", Open("POST /v1/responses", ("enabled", Bool(null, false)), ("maxBodyBytes", ByteSize()))))),
            ("securityHeaders", Open(null)))),
        ("nodes", Open("node and device pairing",
            ("pairing", Open("pairing policy",
                ("autoApproveLocal", Bool("silently approve direct loopback devices", true)),
                ("autoApproveCidrs", Strs("CIDRs/IPs whose first-time node pairing is auto-approved")),
                ("sshVerify", Any("SSH-verified node auto-approval (bool or options)")))),
            ("browser", Open(null, ("mode", Enum("node browser routing", ["auto", "manual", "off"])), ("node", Str()))),
            ("commands", Open(null, ("allow", Strs()), ("deny", Strs()))),
            ("allowCommands", Strs()),
            ("denyCommands", Strs()))),
        ("tailscale", Open("Tailscale exposure", ("mode", Enum("off, serve (tailnet) or funnel (public; needs password auth)", ["off", "serve", "funnel"], "off")), ("resetOnExit", Bool()))),
        ("reload", Open("config hot reload", ("mode", Enum("hybrid applies changes live and restarts when needed; off only validates (hot/restart are legacy)", ["hybrid", "off", "hot", "restart"], "hybrid")), ("debounceMs", Int(null, 0, 60_000)))),
        ("tls", Open("TLS for the gateway listener", ("enabled", Bool(null, false)), ("autoGenerate", Bool()), ("certPath", NonEmpty()), ("keyPath", NonEmpty()), ("caPath", Str()))),
        ("remote", Open("the remote gateway clients use when mode is \"remote\"", ("url", Str()), ("token", Secret("remote gateway token")), ("password", Secret("remote gateway password")), ("tlsFingerprint", Str()))),
        ("tools", Open("HTTP /tools/invoke policy", ("allow", Strs()), ("deny", Strs()))),
        ("roles", Open("profile-bound operator roles")),
        ("push", Open("push relays")),
        ("portals", Any()),
        ("cliAgents", Open(null, ("enabled", Bool()))),
        ("terminal", Open("operator terminal", ("enabled", Bool()), ("shell", Str()), ("detachedSessionTimeoutSeconds", Int(null, 0)))),
        ("webchat", Open(null)),
        ("handshakeTimeoutMs", Int("WebSocket handshake timeout", 1)),
        ("channelHealthCheckMinutes", Int(null, 0)),
        ("channelStaleEventThresholdMinutes", Int(null, 1)),
        ("channelMaxRestartsPerHour", Int(null, 1)));

    private static ObjectSchema Auth() => Obj("how clients authenticate",
        ("mode", Enum("none, token, password or trusted-proxy; unset = password when a password is set, else token", AuthModes)),
        ("token", Secret("shared gateway token (env OPENCLAW_GATEWAY_TOKEN when unset)")),
        ("password", Secret("shared gateway password (env OPENCLAW_GATEWAY_PASSWORD when unset)")),
        ("allowTailscale", Bool("accept Tailscale Serve identity headers (verified with tailscale whois)", false)),
        ("identityScopes", Map(Strs(), "operator scopes granted to verified proxy/Tailscale identities")),
        ("rateLimit", Obj("failed-auth rate limit",
            ("maxAttempts", Int("failures allowed per window", 1, 1_000_000, 10)),
            ("windowMs", Int("sliding window length in ms", 1, 86_400_000, 60_000)),
            ("lockoutMs", Int("lockout length in ms", 0, 86_400_000, 300_000)),
            ("exemptLoopback", Bool("loopback clients are exempt from lockout", true)))),
        ("trustedProxy", Obj("identity from a trusted reverse proxy (mode trusted-proxy)",
            ("userHeader", NonEmpty("header carrying the authenticated user, e.g. x-forwarded-user")),
            ("requiredHeaders", Strs("headers that must be present")),
            ("allowUsers", Strs("allowed users (empty = any)")),
            ("allowLoopback", Bool("accept a same-host (loopback) proxy", false)),
            ("deviceAutoApprove", Open("auto-approve new browser devices", ("enabled", Bool(null, false)), ("scopes", Strs())))).Requiring("userHeader")));

    private static ObjectSchema ControlUi() => Open("the browser Control UI",
        ("enabled", Bool("serve the Control UI", true)),
        ("basePath", Str("URL prefix, e.g. /openclaw", @default: "/")),
        ("root", Str("asset directory")),
        ("allowedOrigins", Strs("browser origins allowed to connect (required on non-loopback binds)")),
        ("dangerouslyAllowHostHeaderOriginFallback", Bool("DANGEROUS: accept the Host header as the allowed origin", false)),
        ("dangerouslyDisableDeviceAuth", Bool("DANGEROUS (legacy): skip device identity for the Control UI", false)),
        ("allowInsecureAuth", Bool("legacy", false)),
        ("embedSandbox", Enum("sandbox for hosted embeds", ["strict", "scripts", "trusted"], "scripts")),
        ("allowExternalEmbedUrls", Bool(null, false)),
        ("github", Open(null, ("token", Secret("GitHub token for previews")))));
}
