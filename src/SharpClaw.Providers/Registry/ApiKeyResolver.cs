namespace SharpClaw.Providers.Registry;

/// <summary>
/// Finds a provider's API key. Environment first, in OpenClaw's order (openclaw-core §5.4):
/// <c>OPENCLAW_LIVE_&lt;P&gt;_KEY</c>, <c>&lt;P&gt;_API_KEYS</c> (first entry of a comma/semicolon list),
/// <c>&lt;P&gt;_API_KEY</c>, <c>&lt;P&gt;_API_KEY_1…9</c>, then any provider-specific names (e.g. <c>GEMINI_API_KEY</c>),
/// and finally <c>models.providers.&lt;id&gt;.apiKey</c> from config.
/// </summary>
internal static class ApiKeyResolver
{
    /// <summary><c>local-llm</c> → <c>LOCAL_LLM</c>.</summary>
    public static string EnvPrefix(string providerId)
        => new(providerId.ToUpperInvariant().Select(c => char.IsAsciiLetterOrDigit(c) ? c : '_').ToArray());

    /// <summary>The conventional variable users are told to set: <c>&lt;P&gt;_API_KEY</c>.</summary>
    public static string PrimaryEnvVar(string providerId) => EnvPrefix(providerId) + "_API_KEY";

    public static ResolvedApiKey? Resolve(string providerId, string? configKey, Func<string, string?> environment, IEnumerable<string>? extraEnvVars = null)
    {
        var prefix = EnvPrefix(providerId);
        foreach (var name in Candidates(prefix, extraEnvVars))
        {
            var value = ConfigJson.NonEmpty(environment(name));
            if (value is null)
            {
                continue;
            }

            if (name.EndsWith("_API_KEYS", StringComparison.Ordinal))
            {
                value = value.Split([',', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault();
                if (value is null)
                {
                    continue;
                }
            }

            return new ResolvedApiKey(value, "env:" + name);
        }

        return configKey is null ? null : new ResolvedApiKey(configKey, "config");
    }

    private static IEnumerable<string> Candidates(string prefix, IEnumerable<string>? extraEnvVars)
    {
        yield return $"OPENCLAW_LIVE_{prefix}_KEY";
        yield return $"{prefix}_API_KEYS";
        yield return $"{prefix}_API_KEY";
        for (var i = 1; i <= 9; i++)
        {
            yield return $"{prefix}_API_KEY_{i}";
        }

        foreach (var extra in extraEnvVars ?? [])
        {
            yield return extra;
        }
    }
}
