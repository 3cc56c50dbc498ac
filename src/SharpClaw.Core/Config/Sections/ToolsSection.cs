using SharpClaw.Core.Config.Schema;
using static SharpClaw.Core.Config.Schema.Schemas;

namespace SharpClaw.Core.Config.Sections;

/// <summary><c>tools.*</c>: the global tool policy and per-tool settings.</summary>
internal static class ToolsSection
{
    public static ObjectSchema Build() => Open("tool policy and tool settings",
        ("profile", Enum("base allowlist: minimal, coding, messaging or full (unset = full)", ["minimal", "coding", "messaging", "full"])),
        ("allow", Strs("tools or groups allowed (replaces the profile)")),
        ("alsoAllow", Strs("tools or groups added to the profile")),
        ("deny", Strs("tools or groups denied (deny wins)")),
        ("byProvider", Map(CommonSections.ToolPolicy("policy for a provider or provider/model"))),
        ("fs", Open("file tools", ("workspaceOnly", Bool("confine read/write/edit to the workspace", false)))),
        ("exec", Open("the exec tool",
            ("host", Str("where commands run (auto, gateway, sandbox, node)", @default: "auto")),
            ("security", Str("exec policy (2026.4)")),
            ("ask", Str("approval prompting (2026.4)")),
            ("mode", Str("exec policy (2026.9)")),
            ("node", Str("default node for host=node")),
            ("pathPrepend", Strs()),
            ("safeBins", Strs()),
            ("safeBinTrustedDirs", Strs()),
            ("strictInlineEval", Bool(null, false)),
            ("backgroundMs", Int("default yield", 10, 120_000, 10_000)),
            ("timeoutSec", Int("default timeout in seconds (2026.4)", 1, @default: 1800)),
            ("timeoutSeconds", Int("default timeout in seconds", 1, @default: 1800)),
            ("cleanupMs", Int("finished-session TTL", 60_000, 10_800_000, 1_800_000)),
            ("approvalRunningNoticeMs", Int(null, 0, @default: 10_000)),
            ("notifyOnExit", Bool(null, true)),
            ("notifyOnExitEmptySuccess", Bool(null, false)),
            ("applyPatch", Open(null, ("enabled", Bool(null, true)), ("workspaceOnly", Bool(null, true)), ("allowModels", Strs()))))),
        ("web", Open("web tools",
            ("search", Open("web_search", ("enabled", Bool(null, true)), ("provider", Str()), ("apiKey", Secret()), ("maxResults", Int(null, 1, 100, 5)), ("timeoutSeconds", Int(null, 1)))),
            ("fetch", Open("web_fetch", ("enabled", Bool(null, true)), ("maxChars", Int(null, 1)), ("timeoutSeconds", Int(null, 1)))))),
        ("elevated", Open(null, ("enabled", Bool(null, false)))),
        ("agentToAgent", Open(null, ("enabled", Bool(null, false)), ("allow", Strs()))),
        ("sandbox", Open(null)),
        ("subagents", Open(null)),
        ("message", Open(null)),
        ("loopDetection", Open(null)),
        ("media", Open(null)));
}
