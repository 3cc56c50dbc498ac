using System.Text.Json.Nodes;

namespace SharpClaw.Core.Config;

/// <summary>
/// The load pipeline for one config text: JSON5 parse → <c>${VAR}</c> substitution → env SecretRefs →
/// validation (schema + rules) → environment overrides → revision hash. Pure apart from the env lookup.
/// </summary>
internal static class ConfigEvaluator
{
    public static ConfigSnapshot Evaluate(string path, string? raw, Func<string, string?> env, ConfigHasher? hasher)
    {
        var issues = new List<ConfigIssue>();
        JsonObject parsed = [];
        if (raw is not null)
        {
            try
            {
                parsed = ConfigJson.ParseObject(raw);
            }
            catch (Json5Exception ex)
            {
                issues.Add(new ConfigIssue(string.Empty, "not valid JSON5: " + ex.Message, "fix the syntax at that line and column"));
            }
            catch (FormatException ex)
            {
                issues.Add(new ConfigIssue(string.Empty, ex.Message, "put the settings in one object: { ... }"));
            }
        }

        var lookup = EnvSubstitution.WithConfigVars(env, parsed);
        var resolved = (JsonObject)EnvSubstitution.Apply(parsed, lookup, issues)!;
        EnvSecretRefs.Resolve(resolved, lookup, issues);
        if (issues.Count == 0 || parsed.Count > 0)
        {
            issues.AddRange(ConfigSchema.Validate(resolved));
        }

        var overrides = ConfigEnvOverrides.Apply(resolved, lookup);
        return new ConfigSnapshot
        {
            Path = path,
            Exists = raw is not null,
            Raw = raw,
            Parsed = parsed,
            Resolved = resolved,
            EnvOverrides = overrides,
            Hash = raw is null ? null : hasher?.Hash(raw),
            Issues = issues,
        };
    }
}
