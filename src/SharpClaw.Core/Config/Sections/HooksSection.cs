using SharpClaw.Core.Config.Schema;
using static SharpClaw.Core.Config.Schema.Schemas;

namespace SharpClaw.Core.Config.Sections;

/// <summary><c>hooks.*</c>: the inbound webhook surface.</summary>
internal static class HooksSection
{
    public static ObjectSchema Build() => Open("inbound webhooks (POST <path>/wake, <path>/agent, mappings)",
        ("enabled", Bool("serve webhooks", false)),
        ("token", Secret("hooks token (required when enabled; must differ from the gateway token)")),
        ("path", Str("base path", @default: "/hooks")),
        ("basePath", Str("alias of path")),
        ("maxBodyBytes", Int("request body limit (0 = default 256 KiB)", 0, 104_857_600, 262_144)),
        ("defaultSessionKey", Str()),
        ("allowRequestSessionKey", Bool("let callers choose sessionKey", false)),
        ("allowedSessionKeyPrefixes", Strs()),
        ("allowedAgentIds", Strs("agents hooks may target (absent or \"*\" = any)")),
        ("presets", Strs("built-in mappings, e.g. gmail")),
        ("transformsDir", Str("JavaScript transform modules (inside <configDir>/hooks/transforms, the default)")),
        ("transformTimeoutMs", Int("time limit of one JavaScript transform call (SharpClaw)", 100, 60_000, 5000)),
        ("mappings", Arr(Mapping(), "custom routes under the base path")),
        ("gmail", Open(null)),
        ("internal", Any()));

    private static ObjectSchema Mapping() => Open("a webhook mapping",
        ("id", Str()),
        ("match", Open(null, ("path", Str()), ("source", Str()))),
        ("action", Enum(null, ["agent", "wake"], "agent")),
        ("wakeMode", Str()),
        ("name", Str()),
        ("agentId", Str()),
        ("sessionKey", Str()),
        ("messageTemplate", Str()),
        ("textTemplate", Str()),
        ("deliver", Bool(null, true)),
        ("allowUnsafeExternalContent", Bool(null, false)),
        ("channel", Str()),
        ("to", Str()),
        ("model", Str()),
        ("thinking", Str()),
        ("timeoutSeconds", Int(null, 0)),
        ("transform", Open(null, ("module", NonEmpty()), ("export", Str())).Requiring("module")));
}
