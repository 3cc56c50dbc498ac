using SharpClaw.Core.Config.Schema;
using static SharpClaw.Core.Config.Schema.Schemas;

namespace SharpClaw.Core.Config.Sections;

/// <summary><c>agents.*</c>: defaults for every agent plus the roster (<c>entries</c> map, legacy <c>list</c> array).</summary>
internal static class AgentsSection
{
    public static ObjectSchema Build() => Open("agents",
        ("defaults", Defaults()),
        ("entries", Map(Entry(), "agents by id (2026.9 shape)", CommonSections.AgentIdPattern, CommonSections.AgentIdHint)),
        ("list", Arr(Entry().Requiring("id"), "agents as a list (2026.4 shape)")),
        ("ownership", Enum("\"explicit\" is required for more than one agent (unless one has default: true)", ["explicit"])),
        ("default", Str("default agent id")));

    private static ObjectSchema Entry() => Open("one agent",
        ("id", Pattern("agent id", CommonSections.AgentIdPattern, CommonSections.AgentIdHint)),
        ("name", Str("display name")),
        ("default", Bool("legacy default-agent flag")),
        ("workspace", NonEmpty("workspace directory")),
        ("agentDir", Str()),
        ("cwd", Str()),
        ("model", CommonSections.ModelRef("model for this agent (a string = no fallbacks)")),
        ("utilityModel", CommonSections.ModelRef()),
        ("identity", CommonSections.Identity()),
        ("thinkingDefault", Enum("default thinking level", CommonSections.ThinkingLevels)),
        ("reasoningDefault", Enum(null, ["off", "on", "stream"])),
        ("fastModeDefault", OneOf(null, Enum(null, ["auto"]), Bool())),
        ("timeoutSeconds", Int("run timeout (0 = none)", 0)),
        ("skills", Any()),
        ("tools", CommonSections.ToolPolicy("per-agent tool policy (overrides tools.* field by field)")),
        ("heartbeat", Any()),
        ("sandbox", Any()),
        ("subagents", Any()));

    private static ObjectSchema Defaults() => Open("defaults for every agent",
        ("model", CommonSections.ModelRef("primary model (unset = built-in default)")),
        ("models", Map(Open("per-model settings", ("alias", Str("short name")), ("params", Any())), "per-model settings keyed by provider/model")),
        ("modelPolicy", Open(null, ("allow", Strs("models agents may use (empty = any)")))),
        ("modelSelectionScope", Enum(null, ["session", "agent", "global"], "session")),
        ("utilityModel", CommonSections.ModelRef()),
        ("imageModel", CommonSections.ModelRef()),
        ("pdfModel", CommonSections.ModelRef()),
        ("params", Any("global provider params")),
        ("workspace", NonEmpty("workspace directory (default <stateDir>/workspace)")),
        ("cwd", Str()),
        ("repoRoot", Str()),
        ("skipBootstrap", Bool(null, false)),
        ("contextInjection", Enum(null, ["always", "continuation-skip", "never"], "always")),
        ("bootstrapMaxChars", Int("per bootstrap file", 1, @default: 20_000)),
        ("bootstrapTotalMaxChars", Int(null, 1, @default: 60_000)),
        ("userTimezone", Str("IANA time zone")),
        ("thinkingDefault", Enum("default thinking level", CommonSections.ThinkingLevels)),
        ("verboseDefault", Enum(null, ["off", "on", "full"], "off")),
        ("reasoningDefault", Enum(null, ["off", "on", "stream"], "off")),
        ("elevatedDefault", Enum(null, ["off", "on", "ask", "full"], "on")),
        ("fastModeDefault", OneOf(null, Enum(null, ["auto"]), Bool())),
        ("timeoutSeconds", Int("run timeout (0 = none)", 0, @default: 172_800)),
        ("maxConcurrent", Int("parallel runs across sessions", 1)),
        ("mediaMaxMb", Num(null, 0)),
        ("imageMaxDimensionPx", Int(null, 1, @default: 1200)),
        ("typingMode", Enum(null, ["never", "instant", "thinking", "message"])),
        ("typingIntervalSeconds", Int(null, 1)),
        ("blockStreamingDefault", Enum(null, ["on", "off"], "off")),
        ("blockStreamingBreak", Enum(null, ["text_end", "message_end"], "text_end")),
        ("humanDelay", Open(null, ("mode", Enum(null, ["off", "natural", "custom"], "off")))),
        ("compaction", Open("transcript compaction", ("enabled", Bool(null, true)), ("mode", Enum(null, ["default", "safeguard"])), ("keepRecentTokens", Int(null, 0)))),
        ("contextPruning", Open(null, ("mode", Enum(null, ["off", "cache-ttl"], "off")), ("ttl", Duration()))),
        ("heartbeat", Open("periodic heartbeat runs", ("every", Duration("interval, e.g. \"30m\"")), ("model", CommonSections.ModelRef()))),
        ("subagents", Open(null, ("maxConcurrent", Int(null, 1)), ("maxChildrenPerAgent", Int(null, 1)), ("maxSpawnDepth", Int(null, 1, 5)))),
        ("sandbox", Open("tool sandboxing")));
}
