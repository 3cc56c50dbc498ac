using SharpClaw.Core.Config.Schema;
using static SharpClaw.Core.Config.Schema.Schemas;

namespace SharpClaw.Core.Config.Sections;

/// <summary>
/// The root of <c>sharpclaw.json</c>: OpenClaw's root keys (2026.9 <c>zod-schema.root-shape.ts</c>). Unknown
/// root keys are errors (typo protection); sections SharpClaw does not interpret are accepted as they are.
/// </summary>
internal static class RootSection
{
    public static ObjectSchema Build() => Obj("SharpClaw configuration (OpenClaw openclaw.json compatible)",
        ("$schema", Str("JSON Schema reference for editors")),
        ("meta", GeneralSections.Meta()),
        ("env", GeneralSections.Env()),
        ("wizard", GeneralSections.Wizard()),
        ("diagnostics", Open("diagnostics")),
        ("logging", GeneralSections.Logging()),
        ("update", Open("self-update")),
        ("telemetry", Open("telemetry")),
        ("browser", Open("the browser tool")),
        ("ui", GeneralSections.Ui()),
        ("secrets", Open("secret providers")),
        ("auth", GeneralSections.Auth()),
        ("accessGroups", Any("access groups")),
        ("acp", Open("Agent Client Protocol")),
        ("models", ModelsSection.Build()),
        ("nodeHost", Any("node host")),
        ("agents", AgentsSection.Build()),
        ("worktreeRoot", Any("worktree root")),
        ("worktreeAcceleration", Any()),
        ("tools", ToolsSection.Build()),
        ("security", Open("security policy")),
        ("bindings", Arr(Open("a routing binding"), "route messages to agents")),
        ("broadcast", Any("broadcast groups")),
        ("attachments", Open("attachments")),
        ("messages", MessagesSection.Build()),
        ("tts", Open("text to speech")),
        ("commands", Open("slash commands")),
        ("approvals", Open("exec and plugin approvals")),
        ("session", SessionSection.Build()),
        ("cron", Open("scheduled jobs")),
        ("transcripts", Open("transcripts")),
        ("hooks", HooksSection.Build()),
        ("channels", GeneralSections.Channels()),
        ("discovery", Open("mDNS / wide-area discovery")),
        ("talk", Open("talk mode")),
        ("gateway", GatewaySection.Build()),
        ("cloudWorkers", Any()),
        ("desktop", Any()),
        ("memory", Open("memory")),
        ("mcp", Open("MCP servers")),
        ("skills", Open("skills")),
        ("plugins", Open("plugins")),
        ("surfaces", Any()),
        ("proxy", Any()));
}
