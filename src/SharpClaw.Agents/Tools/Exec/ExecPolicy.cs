using System.Text.Json.Nodes;
using SharpClaw.Agents.Tools.Policy;

namespace SharpClaw.Agents.Tools.Exec;

/// <summary>
/// Resolved exec settings for one agent: <c>security</c> (deny &lt; allowlist &lt; full), <c>ask</c> (off &lt; on-miss &lt;
/// always), <c>askFallback</c> (what a timed-out/unanswerable prompt becomes, default deny), safe bins and limits.
/// Sources: <c>tools.exec.mode</c> (2026.9) or <c>security</c>/<c>ask</c>, per-agent values field by field, then
/// the approvals file, which can only tighten. SharpClaw's default is <c>allowlist</c> + <c>on-miss</c> (OpenClaw
/// "ask" mode): anything not allowlisted needs an operator's approval.
/// </summary>
public sealed record ExecPolicy(string Security, string Ask, string AskFallback, IReadOnlyList<string> SafeBins, IReadOnlyList<string> SafeBinTrustedDirs, int TimeoutSeconds)
{
    public static readonly string[] DefaultSafeBins = ["jq", "cut", "uniq", "head", "tail", "tr", "wc", "sort", "grep"];
    public static readonly string[] DefaultTrustedDirs = ["/bin", "/usr/bin"];

    public static int SecurityRank(string s) => s switch { "deny" => 0, "allowlist" => 1, "full" => 2, _ => 0 };

    public static int AskRank(string a) => a switch { "off" => 0, "on-miss" => 1, "always" => 2, _ => 2 };

    public static ExecPolicy Resolve(JsonObject? config, string agentId, ExecApprovalsFile? approvals = null)
    {
        var global = config?["tools"]?["exec"] as JsonObject;
        var agent = ToolPolicyPipeline.AgentTools(config, agentId)?["exec"] as JsonObject;
        string? Pick(string key) => (string?)agent?[key] ?? (string?)global?[key];
        var (security, ask) = Pick("mode") switch
        {
            "deny" => ("deny", "off"),
            "allowlist" => ("allowlist", "off"),
            "ask" or "auto" => ("allowlist", "on-miss"),
            "full" => ("full", "off"),
            _ => ("allowlist", "on-miss"),
        };
        security = Normalize(Pick("security"), ["deny", "allowlist", "full"]) ?? security;
        ask = Normalize(Pick("ask"), ["off", "on-miss", "always"]) ?? ask;
        var fallback = Normalize(Pick("askFallback"), ["deny", "allowlist", "full"]) ?? "deny";
        if (approvals?.Limits(agentId) is { } limits)
        {
            if (limits.Security is { } s && SecurityRank(s) < SecurityRank(security))
            {
                security = s;
            }

            if (limits.Ask is { } a && AskRank(a) > AskRank(ask))
            {
                ask = a;
            }
        }

        if (SecurityRank(fallback) > SecurityRank(security))
        {
            fallback = security;
        }

        var safeBins = (agent?["safeBins"] ?? global?["safeBins"]) is JsonArray bins ? bins.Select(b => (string?)b).OfType<string>().ToArray() : DefaultSafeBins;
        var trusted = (agent?["safeBinTrustedDirs"] ?? global?["safeBinTrustedDirs"]) is JsonArray dirs ? [.. DefaultTrustedDirs, .. dirs.Select(b => (string?)b).OfType<string>()] : DefaultTrustedDirs;
        var timeout = (int?)(agent?["timeoutSeconds"] ?? global?["timeoutSeconds"] ?? global?["timeoutSec"]) ?? 1800;
        return new ExecPolicy(security, ask, fallback, safeBins, trusted, Math.Max(1, timeout));
    }

    private static string? Normalize(string? value, string[] allowed) => value is not null && allowed.Contains(value) ? value : null;
}
