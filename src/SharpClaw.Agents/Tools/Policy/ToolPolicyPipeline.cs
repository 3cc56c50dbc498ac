using System.Text.Json.Nodes;

namespace SharpClaw.Agents.Tools.Policy;

/// <summary>
/// The one tool-policy decision used by agent turns and by HTTP <c>/tools/invoke</c> (openclaw-core §2.3–§2.6).
/// A tool must pass every step; later steps only remove tools; deny always wins. Steps: owner-only, profile
/// (+ alsoAllow and implicit exec/fs additions), provider profile, global allow/deny, provider allow/deny, agent
/// allow/deny, agent provider allow/deny, channel group, sub-agent limits, and the HTTP deny set.
/// </summary>
public static class ToolPolicyPipeline
{
    /// <summary>Tools only owners may use (control plane / exec-capable).</summary>
    public static readonly IReadOnlySet<string> OwnerOnly = new HashSet<string>(StringComparer.Ordinal) { "cron", "gateway", "nodes", "whatsapp_login" };

    /// <summary>Denied over HTTP unless <c>gateway.tools.allow</c> lists them (GHSA-943q-mwmv-hhvh).</summary>
    public static readonly IReadOnlyList<string> HttpDefaultDeny =
        ["exec", "spawn", "shell", "fs_write", "fs_delete", "fs_move", "apply_patch", "sessions_spawn", "sessions_send", "cron", "gateway", "nodes", "whatsapp_login"];

    /// <summary>Never constructed on the HTTP surface, whatever the config says.</summary>
    public static readonly IReadOnlySet<string> HttpNever = new HashSet<string>(StringComparer.Ordinal) { "read", "write", "edit", "apply_patch", "exec", "process" };

    private static readonly string[] SubagentAlwaysDeny = ["gateway", "agents_list", "whatsapp_login", "session_status", "cron", "sessions_send"];
    private static readonly string[] SubagentLeafDeny = ["subagents", "sessions_list", "sessions_history", "sessions_spawn"];

    /// <summary>Decides over the catalog's tools plus any extra candidates (e.g. registered tools not in the catalog).</summary>
    public static ToolPolicyDecision Evaluate(ToolPolicyRequest request, IEnumerable<string>? candidates = null)
    {
        var names = new List<string>();
        foreach (var n in (candidates ?? ToolCatalog.Entries.Select(e => e.Id)).Select(ToolNames.Normalize))
        {
            if (!names.Contains(n))
            {
                names.Add(n);
            }
        }

        var steps = Steps(request);
        var allowed = new List<string>();
        var denied = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var name in names)
        {
            var reason = PreCheck(request, name) ?? steps.Select(s => s.Check(name)).FirstOrDefault(r => r is not null);
            if (reason is null)
            {
                allowed.Add(name);
            }
            else
            {
                denied[name] = reason;
            }
        }

        return new ToolPolicyDecision(allowed, denied);
    }

    /// <summary>One tool: null when allowed, else why not (e.g. for HTTP <c>/tools/invoke</c>: 404 with this reason).</summary>
    public static string? Check(ToolPolicyRequest request, string tool)
        => Evaluate(request, [tool]).ReasonFor(tool);

    /// <summary>The ordered policy steps that apply to this request (for diagnostics and tests).</summary>
    public static IReadOnlyList<ToolPolicyStep> Steps(ToolPolicyRequest request)
    {
        var config = request.Config;
        var tools = config?["tools"] as JsonObject;
        var agent = AgentTools(config, request.AgentId);
        var providerKeys = ProviderKeys(request.Provider, request.Model);
        var globalProvider = ByProvider(tools, providerKeys);
        var agentProvider = ByProvider(agent, providerKeys);
        var steps = new List<ToolPolicyStep>();

        var profile = (string?)agent?["profile"] ?? (string?)tools?["profile"];
        var alsoAllow = Strings(tools?["alsoAllow"]).Concat(Strings(agent?["alsoAllow"])).ToList();
        if (tools?["exec"] is JsonObject || agent?["exec"] is JsonObject)
        {
            alsoAllow.AddRange(["exec", "process"]);
        }

        if (tools?["fs"] is JsonObject || agent?["fs"] is JsonObject)
        {
            alsoAllow.AddRange(["read", "write", "edit"]);
        }

        if (ToolCatalog.ProfileTools(profile) is { } profileTools)
        {
            steps.Add(new ToolPolicyStep($"tools.profile ({profile})", ToolNames.Expand(profileTools.Concat(alsoAllow)), []));
        }

        if (ToolCatalog.ProfileTools((string?)globalProvider?["profile"]) is { } providerProfile)
        {
            steps.Add(new ToolPolicyStep($"tools.byProvider.profile ({(string?)globalProvider!["profile"]})", ToolNames.Expand(providerProfile.Concat(Strings(globalProvider["alsoAllow"]))), []));
        }

        AddAllowDeny(steps, "tools", tools);
        AddAllowDeny(steps, "tools.byProvider", globalProvider);
        AddAllowDeny(steps, $"agents.{request.AgentId}.tools", agent);
        AddAllowDeny(steps, $"agents.{request.AgentId}.tools.byProvider", agentProvider);
        AddAllowDeny(steps, "group tools", GroupTools(config, request.Channel, request.GroupId));
        AddSubagentStep(steps, config, request.SessionKey);
        if (request.HttpInvoke)
        {
            var gatewayTools = config?["gateway"]?["tools"] as JsonObject;
            var allow = ToolNames.Expand(Strings(gatewayTools?["allow"]));
            var deny = ToolNames.Expand(HttpDefaultDeny.Where(d => !allow.Contains(d)).Concat(Strings(gatewayTools?["deny"])));
            steps.Add(new ToolPolicyStep("gateway.tools (HTTP /tools/invoke)", null, deny));
        }

        return steps;
    }

    private static string? PreCheck(ToolPolicyRequest request, string name)
    {
        if (!request.SenderIsOwner && OwnerOnly.Contains(name))
        {
            return "tool restricted to owner senders";
        }

        return request.HttpInvoke && HttpNever.Contains(name) ? "not available over HTTP /tools/invoke (agent turns only)" : null;
    }

    private static void AddAllowDeny(List<ToolPolicyStep> steps, string label, JsonObject? scope)
    {
        if (scope is null)
        {
            return;
        }

        var allow = scope["allow"] is JsonArray a && a.Count > 0 ? ToolNames.Expand(Strings(a).Concat(Strings(scope["alsoAllow"]))) : null;
        var deny = ToolNames.Expand(Strings(scope["deny"]));
        if (allow is not null || deny.Count > 0)
        {
            steps.Add(new ToolPolicyStep(label, allow, deny));
        }
    }

    private static void AddSubagentStep(List<ToolPolicyStep> steps, JsonObject? config, string? sessionKey)
    {
        var depth = SubagentDepth(sessionKey);
        if (depth == 0)
        {
            return;
        }

        var maxDepth = (int?)config?["agents"]?["defaults"]?["subagents"]?["maxSpawnDepth"] ?? 1;
        var sub = config?["tools"]?["subagents"]?["tools"] as JsonObject;
        var unlock = ToolNames.Expand(Strings(sub?["allow"]).Concat(Strings(sub?["alsoAllow"])));
        var deny = SubagentAlwaysDeny.Concat(depth >= maxDepth ? SubagentLeafDeny : []).Where(d => !unlock.Contains(d));
        steps.Add(new ToolPolicyStep($"sub-agent policy (depth {depth})", null, ToolNames.Expand(deny.Concat(Strings(sub?["deny"])))));
    }

    public static int SubagentDepth(string? sessionKey)
    {
        if (sessionKey is null)
        {
            return 0;
        }

        var count = 0;
        for (var i = sessionKey.IndexOf(":subagent:", StringComparison.Ordinal); i >= 0; i = sessionKey.IndexOf(":subagent:", i + 1, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }

    /// <summary><c>agents.entries.&lt;id&gt;.tools</c> or <c>agents.list[id].tools</c>.</summary>
    public static JsonObject? AgentTools(JsonObject? config, string agentId)
    {
        var agents = config?["agents"] as JsonObject;
        if (agents?["entries"]?[agentId]?["tools"] is JsonObject fromMap)
        {
            return fromMap;
        }

        return (agents?["list"] as JsonArray)?.OfType<JsonObject>().FirstOrDefault(a => (string?)a["id"] == agentId)?["tools"] as JsonObject;
    }

    private static string[] ProviderKeys(string? provider, string? model)
    {
        if (provider is null)
        {
            return [];
        }

        var p = provider.ToLowerInvariant();
        return model is null ? [p] : [model.Contains('/', StringComparison.Ordinal) ? model.ToLowerInvariant() : $"{p}/{model.ToLowerInvariant()}", p];
    }

    private static JsonObject? ByProvider(JsonObject? scope, string[] keys)
    {
        if (scope?["byProvider"] is not JsonObject map)
        {
            return null;
        }

        foreach (var key in keys)
        {
            foreach (var (k, v) in map)
            {
                if (string.Equals(k, key, StringComparison.OrdinalIgnoreCase) && v is JsonObject o)
                {
                    return o;
                }
            }
        }

        return null;
    }

    private static JsonObject? GroupTools(JsonObject? config, string? channel, string? groupId)
    {
        if (channel is null || groupId is null || config?["channels"]?[channel]?["groups"] is not JsonObject groups)
        {
            return null;
        }

        return (groups[groupId] ?? groups["*"])?["tools"] as JsonObject;
    }

    private static IEnumerable<string> Strings(JsonNode? node)
        => node is JsonArray a ? a.Select(x => x is JsonValue v && v.TryGetValue<string>(out var s) ? s : null).OfType<string>() : [];
}
