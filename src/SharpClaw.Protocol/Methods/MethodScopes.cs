using SharpClaw.Protocol.Auth;

namespace SharpClaw.Protocol.Methods;

/// <summary>
/// Method → required scope (ws-protocol Appendix A). Reserved prefixes <c>config.</c>, <c>exec.approvals.</c>,
/// <c>wizard.</c> and <c>update.</c> are always admin; unknown methods need admin; <c>health</c> needs nothing.
/// </summary>
public static class MethodScopes
{
    public const string NodeRole = "node";
    public const string Dynamic = "dynamic";

    private static readonly Dictionary<string, string> Table = Build();

    private static readonly string[] AdminPrefixes = ["config.", "exec.approvals.", "wizard.", "update."];

    /// <summary>Methods that must run at most once per <c>idempotencyKey</c>.</summary>
    public static readonly IReadOnlySet<string> Idempotent = new HashSet<string>(StringComparer.Ordinal)
    {
        "agent", "send", "node.invoke", "sessions.create", "sessions.send",
    };

    /// <summary>Control-plane writes limited to 3 per 60 s per device+IP (seed §4.3).</summary>
    public static readonly IReadOnlySet<string> ControlPlaneWrites = new HashSet<string>(StringComparer.Ordinal)
    {
        "config.set", "config.apply", "config.patch", "update.run",
    };

    /// <summary>The scope a method needs, or null for unknown methods (which need admin).</summary>
    public static string? Lookup(string method)
    {
        foreach (var prefix in AdminPrefixes)
        {
            if (method.StartsWith(prefix, StringComparison.Ordinal))
            {
                return method is "config.get" or "config.schema" or "config.schema.lookup" ? OperatorScopes.Read : OperatorScopes.Admin;
            }
        }

        return Table.GetValueOrDefault(method);
    }

    public static bool IsNodeMethod(string method) => Table.TryGetValue(method, out var s) && s == NodeRole;

    private static Dictionary<string, string> Build()
    {
        var t = new Dictionary<string, string>(StringComparer.Ordinal);
        void Add(string scope, params string[] methods)
        {
            foreach (var m in methods)
            {
                t[m] = scope;
            }
        }

        Add(OperatorScopes.Read,
            "health", "status", "logs.tail", "system-presence", "last-heartbeat", "node.list", "node.describe",
            "channels.status", "models.list", "tools.catalog", "tools.effective", "agents.list", "agent.identity.get",
            "agents.files.list", "agents.files.get", "sessions.list", "sessions.preview", "sessions.resolve", "sessions.get",
            "sessions.describe", "sessions.usage", "sessions.usage.timeseries", "sessions.usage.logs", "sessions.subscribe",
            "sessions.messages.subscribe", "sessions.messages.unsubscribe", "cron.list", "cron.status", "cron.runs", "cron.get",
            "usage.status", "usage.cost", "skills.status", "chat.history", "tts.status", "tts.providers", "voicewake.get",
            "talk.config", "gateway.identity.get", "system.info");
        Add(OperatorScopes.Write,
            "send", "agent.wait", "wake", "poll", "chat.send", "chat.abort", "tts.enable", "tts.disable", "tts.convert",
            "tts.setProvider", "voicewake.set", "browser.request", "push.test", "tools.invoke", "sessions.send", "sessions.abort");
        Add(OperatorScopes.Admin,
            "agents.create", "agents.update", "agents.delete", "agents.files.set", "channels.logout", "sessions.reset",
            "sessions.compact", "cron.add", "cron.update", "cron.remove", "cron.run", "skills.install", "skills.update",
            "connect", "chat.inject", "set-heartbeats", "system-event", "web.login.start", "web.login.wait");
        Add(OperatorScopes.Approvals,
            "exec.approval.request", "exec.approval.waitDecision", "exec.approval.resolve", "exec.approval.get", "exec.approval.list",
            "approval.get", "approval.resolve");
        Add(OperatorScopes.Pairing,
            "node.pair.list", "node.pair.approve", "node.pair.reject", "node.pair.remove", "node.pair.request", "node.pair.verify",
            "device.pair.list", "device.pair.approve", "device.pair.reject", "device.pair.remove", "device.pair.rename",
            "device.token.rotate", "device.token.revoke", "node.rename");
        Add(OperatorScopes.Talk, "talk.mode");
        Add(NodeRole, "node.invoke.result", "node.event", "skills.bins", "node.invoke.progress", "node.pending.pull", "node.pending.drain", "node.pending.ack");
        Add(Dynamic, "agent", "node.invoke", "sessions.patch", "sessions.delete", "sessions.create");
        return t;
    }
}
