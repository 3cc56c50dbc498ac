using System.Text.Json.Nodes;
using SharpClaw.Core.Config.Schema;
using static SharpClaw.Core.Config.Schema.Schemas;

namespace SharpClaw.Core.Config;

/// <summary>
/// The schema of <c>sharpclaw.json</c> — OpenClaw's <c>openclaw.json</c> key names and shapes. Sections
/// SharpClaw interprets are checked in detail; the rest of OpenClaw's root sections are accepted as they are
/// so an OpenClaw config loads unchanged. Unknown root keys are errors (typo protection).
/// </summary>
public static class ConfigSchema
{
    private static readonly string[] ThinkingLevels = ["off", "minimal", "low", "medium", "high", "xhigh", "adaptive", "max", "ultra"];

    public static ObjectSchema Root { get; } = Build();

    public static IReadOnlyList<ConfigIssue> Validate(JsonNode? root)
    {
        var issues = new List<ConfigIssue>();
        Root.Validate(root, string.Empty, issues);
        if (root is JsonObject o && o["gateway"]?["auth"] is JsonObject auth && auth["token"] is not null && auth["password"] is not null && auth["mode"] is null)
        {
            issues.Add(new ConfigIssue("gateway.auth.mode", "gateway.auth.token and gateway.auth.password are both configured, but gateway.auth.mode is unset", "set gateway.auth.mode to token or password"));
        }

        return issues;
    }

    /// <summary>JSON Schema (draft-07) for <c>config.schema</c>.</summary>
    public static JsonObject ToJsonSchema()
    {
        var schema = Root.ToJsonSchema();
        schema["$schema"] = "http://json-schema.org/draft-07/schema#";
        schema["title"] = "SharpClaw configuration (sharpclaw.json, OpenClaw openclaw.json compatible)";
        return schema;
    }

    /// <summary>True when the dot path names a secret in the schema.</summary>
    public static bool IsSecretPath(string path)
    {
        SchemaNode? node = Root;
        foreach (var part in path.Split('.'))
        {
            node = node switch
            {
                ObjectSchema o => o.Properties.GetValueOrDefault(part),
                MapSchema m => m.Values,
                _ => null,
            };
            if (node is null)
            {
                return false;
            }
        }

        return node.Secret;
    }

    private static ObjectSchema Build()
    {
        var modelRef = OneOf("model ref: \"provider/model\" or an alias, or {primary, fallbacks}",
            Str("provider/model or alias"),
            Obj("model with fallbacks", ("primary", Str("provider/model or alias")), ("fallbacks", Arr(Str(), "tried in order when the primary fails"))));
        var identity = Obj("agent identity", ("name", Str()), ("emoji", Str()), ("avatar", Str("image path, URL or data URI")), ("theme", Str()));
        var agentEntry = Open("one agent",
            ("id", Str("agent id")),
            ("name", Str()),
            ("default", Bool("legacy default flag")),
            ("workspace", Str("workspace directory")),
            ("agentDir", Str()),
            ("model", modelRef),
            ("identity", identity),
            ("thinkingDefault", Enum("default thinking level", ThinkingLevels)),
            ("timeoutSeconds", Int("run timeout (0 = none)", 0, 31_536_000)),
            ("tools", Any("per-agent tool policy")));
        var rateLimit = Obj("failed-auth rate limit",
            ("maxAttempts", Int("failures allowed per window", 1, 10_000, 10)),
            ("windowMs", Int("window length", 1_000, 86_400_000, 60_000)),
            ("lockoutMs", Int("lockout length", 0, 86_400_000, 300_000)),
            ("exemptLoopback", Bool("loopback gets an escalating delay instead of a lockout", true)));
        var gateway = Obj("the gateway process",
            ("mode", Enum("local runs the gateway here; remote points clients elsewhere", "local", "remote")),
            ("port", Int("WebSocket + HTTP port", 1, 65_535, 18_789)),
            ("bind", Enum("where to listen", "loopback", "lan", "tailnet", "custom", "auto")),
            ("customBindHost", Str("IP to bind when bind is custom")),
            ("auth", Obj("how clients authenticate",
                ("mode", Enum("auth mode", "none", "token", "password", "trusted-proxy")),
                ("token", Str("shared gateway token", secret: true)),
                ("password", Str("shared gateway password", secret: true)),
                ("allowTailscale", Bool("accept Tailscale Serve identity (verified with tailscale whois)")),
                ("rateLimit", rateLimit),
                ("identityScopes", Any()),
                ("trustedProxy", Obj("trusted reverse proxy identity",
                    ("userHeader", Str()), ("requiredHeaders", Arr(Str())), ("allowUsers", Arr(Str())), ("allowLoopback", Bool()), ("deviceAutoApprove", Any()))))),
            ("trustedProxies", Arr(Str("IP or CIDR"), "proxies whose forwarding headers are trusted")),
            ("controlUi", Open("the browser Control UI",
                ("enabled", Bool(null, true)), ("basePath", Str()), ("allowedOrigins", Arr(Str())), ("dangerouslyAllowHostHeaderOriginFallback", Bool()))),
            ("http", Open("HTTP surfaces", ("endpoints", Open(null, ("chatCompletions", Open(null, ("enabled", Bool()))), ("responses", Open(null, ("enabled", Bool()))))))),
            ("nodes", Open("node and device pairing", ("pairing", Open(null, ("autoApproveLocal", Bool("approve direct loopback devices silently", true)), ("autoApproveCidrs", Arr(Str())))))),
            ("tailscale", Open(null, ("mode", Enum("Tailscale exposure", "off", "serve", "funnel")))),
            ("reload", Open(null, ("mode", Enum("hot reload", "hybrid", "off", "hot", "restart")))),
            ("tls", Any()), ("remote", Any()), ("tools", Any()), ("roles", Any()), ("portals", Any()));
        var provider = Open("a model provider",
            ("baseUrl", Str()), ("apiKey", Str("API key", secret: true)), ("api", Str("wire API adapter")), ("headers", Map(Str())),
            ("timeoutSeconds", Int(null, 1, 3600)),
            ("models", Arr(Open("a model", ("id", Str()), ("name", Str()), ("contextWindow", Int(null, 1)), ("maxTokens", Int(null, 1)), ("reasoning", Bool()), ("input", Arr(Str())),
                ("cost", Obj("USD per million tokens", ("input", Num()), ("output", Num()), ("cacheRead", Num()), ("cacheWrite", Num())))))));
        var sections = new (string, SchemaNode)[]
        {
            ("$schema", Str()),
            ("meta", Any()), ("env", Any()), ("wizard", Any()), ("diagnostics", Any()),
            ("logging", Open("logging", ("level", Enum("minimum level", "trace", "debug", "info", "warn", "error", "fatal", "silent")), ("file", Str()), ("redactPatterns", Arr(Str())))),
            ("update", Any()), ("telemetry", Any()), ("browser", Any()), ("ui", Any()), ("secrets", Any()), ("auth", Any()), ("accessGroups", Any()), ("acp", Any()),
            ("models", Open("model providers", ("mode", Enum("merge or replace the built-in catalog", "merge", "replace")), ("providers", Map(provider)), ("bedrockDiscovery", Any()))),
            ("nodeHost", Any()),
            ("agents", Open("agents",
                ("defaults", Open("defaults for every agent",
                    ("model", modelRef), ("models", Map(Open("per-model settings", ("alias", Str())))), ("workspace", Str()),
                    ("thinkingDefault", Enum("default thinking level", ThinkingLevels)), ("timeoutSeconds", Int(null, 0, 31_536_000)), ("userTimezone", Str()))),
                ("entries", Map(agentEntry)), ("list", Arr(agentEntry)), ("default", Str()), ("ownership", Str()))),
            ("worktreeRoot", Any()), ("worktreeAcceleration", Any()),
            ("tools", Open("tool policy", ("profile", Enum("tool profile", "minimal", "coding", "messaging", "full")), ("allow", Arr(Str())), ("alsoAllow", Arr(Str())), ("deny", Arr(Str())))),
            ("security", Any()), ("bindings", Any()), ("broadcast", Any()), ("attachments", Any()), ("messages", Any()), ("tts", Any()), ("commands", Any()),
            ("approvals", Any()),
            ("session", Open("sessions", ("reset", Open(null, ("mode", Enum("reset policy", "none", "daily", "idle")), ("atHour", Int(null, 0, 23)), ("idleMinutes", Int(null, 0)))))),
            ("cron", Any()), ("transcripts", Any()),
            ("hooks", Open("inbound webhooks", ("enabled", Bool()), ("token", Str("hooks token (must differ from the gateway token)", secret: true)), ("basePath", Str()), ("path", Str()), ("maxBodyBytes", Int(null, 1, 104_857_600)), ("mappings", Arr(Any())), ("presets", Arr(Str())))),
            ("channels", Any()), ("discovery", Any()), ("talk", Any()), ("gateway", gateway), ("cloudWorkers", Any()), ("desktop", Any()), ("memory", Any()), ("mcp", Any()),
            ("skills", Any()), ("plugins", Any()), ("surfaces", Any()), ("proxy", Any()),
        };
        return Obj("SharpClaw configuration", sections);
    }
}
