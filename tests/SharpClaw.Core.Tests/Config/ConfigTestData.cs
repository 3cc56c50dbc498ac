using System.Text.Json.Nodes;
using SharpClaw.Core.Config;

namespace SharpClaw.Core.Tests.Config;

internal static class ConfigTestData
{
    public static JsonObject J(string json5) => (JsonObject)Json5Reader.Parse(json5)!;

    public static Func<string, string?> Env(params (string Name, string Value)[] vars)
    {
        var map = vars.ToDictionary(v => v.Name, v => v.Value, StringComparer.Ordinal);
        return n => map.GetValueOrDefault(n);
    }

    /// <summary>An OpenClaw-style config touching most sections, as a user would write it.</summary>
    public const string OpenClawStyle = """
        // ~/.openclaw/openclaw.json
        {
          $schema: "https://openclaw.ai/schema/config.json",
          meta: { lastTouchedVersion: "2026.9.6", lastTouchedAt: "2026-09-24T10:00:00Z" },
          env: { vars: { GROQ_API_KEY: "gsk-test" }, shellEnv: { enabled: false } },
          wizard: { lastRunAt: "2026-09-01T00:00:00Z", lastRunMode: "local", lastRunCommand: "onboard" },
          logging: { level: "info", file: "/tmp/openclaw.log", redactPatterns: ["secret-\\w+"] },
          ui: { seamColor: "#ff6600", assistant: { name: "Claw" }, prefs: { theme: "dark", sidebarEntries: ["route:usage"] } },
          auth: { profiles: { "anthropic:default": { provider: "anthropic", mode: "api_key" } }, order: { anthropic: ["anthropic:default"] } },
          models: {
            mode: "merge",
            providers: {
              "local-llm": {
                baseUrl: "http://127.0.0.1:8000/v1", apiKey: "sk-local", api: "openai-completions",
                models: [{ id: "qwen3-32b", name: "Qwen3 32B", contextWindow: 131072, maxTokens: 8192, input: ["text", "image"],
                           cost: { input: 0, output: 0, cacheRead: 0, cacheWrite: 0 } }],
              },
              openrouter: { apiKey: { source: "env", provider: "default", id: "OPENROUTER_API_KEY" } },
            },
          },
          agents: {
            defaults: {
              model: { primary: "anthropic/claude-opus-4-6", fallbacks: ["openai/gpt-5-mini"] },
              models: { "anthropic/claude-opus-4-6": { alias: "opus" } },
              workspace: "~/.openclaw/workspace", thinkingDefault: "medium", timeoutSeconds: 172800,
              heartbeat: { every: "30m" }, compaction: { mode: "safeguard", memoryFlush: { enabled: true } },
              contextPruning: { mode: "cache-ttl", ttl: "5m" }, sandbox: { mode: "off" },
            },
            ownership: "explicit",
            entries: {
              main: { name: "Main", identity: { name: "Claw", emoji: "🦀", avatar: "avatars/claw.png", theme: "space lobster" },
                      model: "openai/gpt-5-mini", tools: { profile: "coding", deny: ["browser"] } },
              work: { workspace: "~/work", model: { primary: "anthropic/claude-sonnet-4-5" }, default: true },
            },
          },
          tools: {
            profile: "coding", alsoAllow: ["message"], deny: ["canvas"],
            fs: { workspaceOnly: true },
            exec: { host: "gateway", backgroundMs: 10000, timeoutSeconds: 1800, notifyOnExit: true, safeBins: ["jq"] },
            web: { search: { enabled: true, provider: "brave", apiKey: "brave-key", maxResults: 5 }, fetch: { enabled: true } },
          },
          bindings: [{ agentId: "work", match: { channel: "slack", accountId: "corp" } }],
          messages: { queue: { mode: "steer", cap: 20, drop: "summarize" }, ackReactionScope: "group-mentions", responsePrefix: "auto" },
          commands: { native: "auto", restart: true },
          session: { dmScope: "per-channel-peer", reset: { mode: "daily", atHour: 4 }, resetByType: { group: { mode: "idle", idleMinutes: 120 } },
                     resetTriggers: ["/new", "/reset"], maintenance: { mode: "warn", pruneAfter: "30d" } },
          cron: { enabled: true },
          hooks: { enabled: true, token: "hook-secret", path: "/hooks", maxBodyBytes: 262144, allowRequestSessionKey: false,
                   allowedSessionKeyPrefixes: ["hook:"], presets: ["gmail"], gmail: { allowUnsafeExternalContent: false },
                   mappings: [{ id: "gh", match: { path: "github" }, action: "agent", messageTemplate: "PR {{payload.number}}", deliver: true }] },
          channels: {
            telegram: { enabled: true, botToken: "123:abc", dmPolicy: "pairing", allowFrom: ["tg:42"] },
            slack: { accounts: { corp: { botToken: "xoxb-1", appToken: "xapp-1" } } },
            defaults: { groupPolicy: "allowlist" },
          },
          gateway: {
            mode: "local", port: 18789, bind: "loopback",
            auth: { mode: "token", token: "abc123abc123abc123abc123", allowTailscale: false,
                    rateLimit: { maxAttempts: 10, windowMs: 60000, lockoutMs: 300000, exemptLoopback: true } },
            trustedProxies: ["10.0.0.0/8", "192.168.1.10"],
            controlUi: { enabled: true, basePath: "/openclaw", allowedOrigins: ["https://claw.example.com"] },
            http: { endpoints: { chatCompletions: { enabled: true }, responses: { enabled: false } } },
            nodes: { pairing: { autoApproveLocal: true }, browser: { mode: "auto" } },
            tailscale: { mode: "off" }, reload: { mode: "hybrid" },
            tls: { enabled: false },
            remote: { url: "wss://gw.example.com", token: "remote-secret" },
          },
          plugins: { entries: { voice: { enabled: false } } },
          skills: { allowBundled: ["github"] },
          memory: { backend: "builtin" },
          mcp: { servers: {} },
          talk: {}, discovery: { mdns: { mode: "minimal" } }, browser: { enabled: false },
        }
        """;
}
