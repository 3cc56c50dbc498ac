namespace SharpClaw.Protocol.Auth;

/// <summary>The closed enums of <c>connect.params.client.id</c> and <c>client.mode</c>.</summary>
public static class ClientInfoRules
{
    public static readonly IReadOnlySet<string> ClientIds = new HashSet<string>(StringComparer.Ordinal)
    {
        "webchat-ui", "openclaw-control-ui", "openclaw-browser-copilot", "openclaw-tui", "webchat", "cli", "gateway-client",
        "openclaw-macos", "openclaw-linux", "openclaw-ios", "openclaw-watchos", "openclaw-android", "node-host",
        "openclaw-worker", "test", "fingerprint", "openclaw-probe",
    };

    public static readonly IReadOnlySet<string> ClientModes = new HashSet<string>(StringComparer.Ordinal)
    {
        "webchat", "cli", "ui", "backend", "node", "worker", "probe", "test",
    };

    public static readonly IReadOnlySet<string> Caps = new HashSet<string>(StringComparer.Ordinal)
    {
        "agent-kind", "approvals", "exec-approvals", "inline-widgets", "model-catalog-snapshot", "model-selection-policy",
        "run-tool-bindings", "session-scoped-events", "skill-curator-live-inventory", "plugin-approvals", "task-suggestions",
        "terminal-offset-seq", "terminal-session-metadata", "terminal-upload-path-style", "tool-events", "ui-commands",
        "usage-refreshing",
    };

    public static bool IsBrowserUi(string clientId) => clientId is "openclaw-control-ui" or "webchat-ui" or "webchat";
}
