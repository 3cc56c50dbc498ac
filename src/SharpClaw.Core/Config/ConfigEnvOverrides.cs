using System.Text.Json.Nodes;

namespace SharpClaw.Core.Config;

/// <summary>
/// Environment overrides folded into the resolved config: <c>OPENCLAW_GATEWAY_TOKEN</c> →
/// <c>gateway.auth.token</c> and <c>OPENCLAW_GATEWAY_PASSWORD</c> → <c>gateway.auth.password</c>.
/// Precedence follows OpenClaw's HTTP auth reference ("config wins"): the variable fills the key only when
/// the config does not set it (absent or empty). The file is never changed.
/// </summary>
public static class ConfigEnvOverrides
{
    public const string TokenVariable = "OPENCLAW_GATEWAY_TOKEN";
    public const string PasswordVariable = "OPENCLAW_GATEWAY_PASSWORD";

    private static readonly (string Variable, string Key)[] Map =
    [
        (TokenVariable, "token"),
        (PasswordVariable, "password"),
    ];

    /// <summary>Applies the overrides to <paramref name="resolved"/> in place; returns the config paths that came from the environment.</summary>
    public static IReadOnlyList<string> Apply(JsonObject resolved, Func<string, string?> env)
    {
        var applied = new List<string>();
        foreach (var (variable, key) in Map)
        {
            var value = env(variable);
            if (string.IsNullOrEmpty(value))
            {
                continue;
            }

            var existing = resolved["gateway"]?["auth"]?[key];
            if (existing is not null && !(ConfigSchema.IsString(existing) && existing.GetValue<string>().Length == 0))
            {
                continue;
            }

            if (resolved["gateway"] is { } g && g is not JsonObject || resolved["gateway"]?["auth"] is { } a && a is not JsonObject)
            {
                continue; // a malformed section is reported by validation; do not paper over it
            }

            if (resolved["gateway"] is not JsonObject gateway)
            {
                resolved["gateway"] = gateway = [];
            }

            if (gateway["auth"] is not JsonObject auth)
            {
                gateway["auth"] = auth = [];
            }

            auth[key] = value;
            applied.Add($"gateway.auth.{key}");
        }

        return applied;
    }
}
