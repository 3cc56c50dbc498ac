namespace SharpClaw.Core.Config;

/// <summary>
/// Which changed config paths need a gateway restart, after OpenClaw's reload rules
/// (<c>src/gateway/config-reload-plan.ts</c>): each path is matched against a prefix table, longest prefix
/// (most segments) first, <c>*</c> matching one segment; a path matching no rule needs a restart.
/// </summary>
public sealed record ConfigReloadPlan(IReadOnlyList<string> ChangedPaths, IReadOnlyList<string> RestartPaths, IReadOnlyList<string> HotPaths)
{
    private static readonly (string Prefix, ReloadKind Kind)[] Rules = BuildRules();

    public bool RestartRequired => RestartPaths.Count > 0;

    /// <summary>A short reason for clients (<c>restart.reason</c>).</summary>
    public string Reason => RestartRequired
        ? $"restart needed for {string.Join(", ", RestartPaths.Take(5))}{(RestartPaths.Count > 5 ? $" and {RestartPaths.Count - 5} more" : string.Empty)}"
        : ChangedPaths.Count == 0 ? "no changes" : "changes apply without a restart";

    public static ConfigReloadPlan For(IReadOnlyList<string> changedPaths)
    {
        var restart = new List<string>();
        var hot = new List<string>();
        foreach (var path in changedPaths)
        {
            (Classify(path) == ReloadKind.Restart ? restart : hot).Add(path);
        }

        return new ConfigReloadPlan(changedPaths, restart, hot);
    }

    public static ReloadKind Classify(string path)
    {
        var segments = ConfigPath.Split(path).Where(s => !s.StartsWith('[')).ToArray();
        var best = (Length: -1, Wildcards: int.MaxValue, Kind: ReloadKind.Restart);
        foreach (var (prefix, kind) in Rules)
        {
            var parts = prefix.Split('.');
            if (parts.Length > segments.Length || parts.Length < best.Length)
            {
                continue;
            }

            var matches = true;
            for (var i = 0; i < parts.Length && matches; i++)
            {
                matches = parts[i] == "*" || string.Equals(parts[i], segments[i], StringComparison.Ordinal);
            }

            var wildcards = parts.Count(p => p == "*");
            if (matches && (parts.Length > best.Length || wildcards < best.Wildcards))
            {
                best = (parts.Length, wildcards, kind);
            }
        }

        return best.Kind;
    }

    private static (string, ReloadKind)[] BuildRules()
    {
        var rules = new List<(string, ReloadKind)>();
        void Add(ReloadKind kind, params string[] prefixes) => rules.AddRange(prefixes.Select(p => (p, kind)));
        Add(ReloadKind.None, "gateway.remote", "gateway.reload", "meta", "identity", "wizard", "logging", "agents", "bindings", "audio", "agent", "routing",
            "messages", "session", "talk", "skills", "secrets", "tui", "ui", "plugins.installs.*.installedAt", "plugins.installs.*.resolvedAt");
        Add(ReloadKind.Restart, "gateway", "discovery", "gateway.auth.token", "gateway.auth.password", "mcp.apps", "secrets.egressProxy", "gateway.portals");
        Add(ReloadKind.Hot, "gateway.http.endpoints", "gateway.tools", "gateway.controlUi", "gateway.nodes", "gateway.auth.rateLimit", "gateway.roles",
            "gateway.trustedProxies", "gateway.auth.allowTailscale", "gateway.auth.identityScopes", "gateway.auth.trustedProxy", "discovery.mdns.mode",
            "agents.defaults", "agents.entries", "agents.list", "cloudWorkers", "hooks", "models", "cron", "session.scope", "session.store", "tools",
            "approvals.exec", "approvals.plugin", "auth.order", "auth.profiles", "broadcast", "memory.citations", "acp", "attachments.ttlHours",
            "update", "telemetry", "plugins", "channels", "commands", "accessGroups", "tts", "surfaces");
        return [.. rules];
    }
}
