using System.Text.Json;
using System.Text.Json.Nodes;

namespace SharpClaw.Core.Config;

/// <summary>Cross-field rules the per-node schema cannot express (OpenClaw's semantic checks).</summary>
internal static class ConfigRules
{
    public static void Check(JsonObject root, List<ConfigIssue> issues)
    {
        CheckGateway(root["gateway"] as JsonObject, issues);
        CheckHooks(root["hooks"] as JsonObject, issues);
        CheckToolPolicy(root["tools"] as JsonObject, "tools", issues);
        CheckAgents(root["agents"] as JsonObject, issues);
    }

    private static void CheckGateway(JsonObject? gateway, List<ConfigIssue> issues)
    {
        var auth = gateway?["auth"] as JsonObject;
        if (auth is not null && auth["token"] is not null && auth["password"] is not null && auth["mode"] is null)
        {
            issues.Add(new ConfigIssue("gateway.auth.mode", "gateway.auth.token and gateway.auth.password are both configured, but gateway.auth.mode is unset", "set gateway.auth.mode to token or password"));
        }

        if (Str(auth?["mode"]) == "trusted-proxy" && auth?["trustedProxy"] is null)
        {
            issues.Add(new ConfigIssue("gateway.auth.trustedProxy", "is required when gateway.auth.mode is \"trusted-proxy\"", "add gateway.auth.trustedProxy with userHeader (e.g. \"x-forwarded-user\")"));
        }

        if (Str(gateway?["bind"]) == "custom" && string.IsNullOrWhiteSpace(Str(gateway?["customBindHost"])))
        {
            issues.Add(new ConfigIssue("gateway.customBindHost", "is required when gateway.bind is \"custom\"", "set gateway.customBindHost to the IPv4 address to listen on, or choose another bind"));
        }
    }

    private static void CheckHooks(JsonObject? hooks, List<ConfigIssue> issues)
    {
        if (hooks is null)
        {
            return;
        }

        if (hooks["enabled"] is JsonValue enabled && enabled.GetValueKind() == JsonValueKind.True && string.IsNullOrWhiteSpace(Str(hooks["token"])) && hooks["token"] is not JsonObject)
        {
            issues.Add(new ConfigIssue("hooks.token", "hooks.enabled requires hooks.token", "set hooks.token to a long random secret (different from the gateway token), or set hooks.enabled to false"));
        }

        foreach (var key in (string[])["path", "basePath"])
        {
            if (Str(hooks[key]) is { } p && p.Trim().Trim('/').Length == 0)
            {
                issues.Add(new ConfigIssue($"hooks.{key}", $"hooks.{key} may not be '/'", "use a dedicated prefix such as \"/hooks\""));
            }
        }
    }

    private static void CheckToolPolicy(JsonObject? policy, string path, List<ConfigIssue> issues)
    {
        if (policy?["allow"] is JsonArray && policy["alsoAllow"] is JsonArray)
        {
            issues.Add(new ConfigIssue($"{path}.alsoAllow", $"{path}.allow and {path}.alsoAllow cannot be combined in one scope", $"move the entries into {path}.allow, or drop {path}.allow and keep alsoAllow on top of the profile"));
        }
    }

    private static void CheckAgents(JsonObject? agents, List<ConfigIssue> issues)
    {
        if (agents?["list"] is JsonArray list)
        {
            var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            for (var i = 0; i < list.Count; i++)
            {
                if (Str(list[i]?["id"]) is { } id && !seen.Add(id))
                {
                    issues.Add(new ConfigIssue($"agents.list[{i}].id", $"duplicate agent id \"{id}\"", "give every agent a unique id"));
                }

                CheckToolPolicy(list[i]?["tools"] as JsonObject, $"agents.list[{i}].tools", issues);
            }
        }

        if (agents?["entries"] is JsonObject entries)
        {
            var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            foreach (var (key, entry) in entries)
            {
                if (!seen.Add(key))
                {
                    issues.Add(new ConfigIssue($"agents.entries.{key}", $"agent id \"{key}\" differs from another entry only by case", "give every agent a unique id"));
                }

                CheckToolPolicy(entry?["tools"] as JsonObject, $"agents.entries.{key}.tools", issues);
            }
        }
    }

    private static string? Str(JsonNode? v) => ConfigSchema.IsString(v) ? v!.GetValue<string>() : null;
}
