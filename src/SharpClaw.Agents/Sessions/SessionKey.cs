using System.Text.RegularExpressions;

namespace SharpClaw.Agents.Sessions;

/// <summary>
/// OpenClaw session keys (openclaw-core §3.1): stored keys are agent-scoped <c>agent:&lt;agentId&gt;:&lt;rest&gt;</c>,
/// lower-cased; a request key without the prefix is scoped to the resolved agent (<c>main</c> → <c>agent:&lt;id&gt;:main</c>).
/// </summary>
public static partial class SessionKey
{
    public const string MainKey = "main";
    public const int MaxLength = 512;

    public static string Main(string agentId) => $"agent:{NormalizeAgentId(agentId)}:main";

    /// <summary>The seed's key for the OpenAI-compatible HTTP API: <c>openai:&lt;ip&gt;:&lt;agentId&gt;:&lt;user&gt;</c>.</summary>
    public static string OpenAi(string ip, string agentId, string user) => $"openai:{ip}:{NormalizeAgentId(agentId)}:{user}".ToLowerInvariant();

    public static bool TryParseAgentKey(string key, out string agentId, out string rest)
    {
        agentId = string.Empty;
        rest = string.Empty;
        if (!key.StartsWith("agent:", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var body = key["agent:".Length..];
        var colon = body.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0 || colon == body.Length - 1 || body[colon + 1] == ':')
        {
            return false;
        }

        agentId = body[..colon].ToLowerInvariant();
        rest = body[(colon + 1)..];
        return true;
    }

    /// <summary>Canonical stored key for a request key and agent (throws on invalid keys).</summary>
    public static string Resolve(string? requestKey, string agentId)
    {
        var key = (requestKey ?? string.Empty).Trim();
        if (key.Length > MaxLength)
        {
            throw new ArgumentException($"session key is longer than {MaxLength} characters");
        }

        if (key.Length == 0 || key.Equals(MainKey, StringComparison.OrdinalIgnoreCase))
        {
            return Main(agentId);
        }

        if (key.Equals("global", StringComparison.OrdinalIgnoreCase) || key.StartsWith("openai:", StringComparison.OrdinalIgnoreCase))
        {
            return key.ToLowerInvariant();
        }

        if (TryParseAgentKey(key, out var id, out var rest))
        {
            return $"agent:{NormalizeAgentId(id)}:{rest.ToLowerInvariant()}";
        }

        if (key.StartsWith("agent:", StringComparison.OrdinalIgnoreCase))
        {
            throw new ArgumentException($"invalid session key \"{key}\": expected agent:<agentId>:<key>");
        }

        return $"agent:{NormalizeAgentId(agentId)}:{key.ToLowerInvariant()}";
    }

    /// <summary>The agent a stored key belongs to (<c>main</c> when it is not agent-scoped).</summary>
    public static string AgentOf(string key)
    {
        if (TryParseAgentKey(key, out var id, out _))
        {
            return id;
        }

        if (key.StartsWith("openai:", StringComparison.Ordinal))
        {
            var parts = key.Split(':');
            if (parts.Length >= 4)
            {
                return parts[^2];
            }
        }

        return "main";
    }

    /// <summary>Agent ids: <c>^[a-z0-9][a-z0-9_-]{0,63}$</c>; anything else is lower-cased and cleaned; empty → main.</summary>
    public static string NormalizeAgentId(string? agentId)
    {
        if (string.IsNullOrWhiteSpace(agentId))
        {
            return "main";
        }

        var lower = agentId.Trim().ToLowerInvariant();
        if (ValidAgentId().IsMatch(lower))
        {
            return lower;
        }

        var cleaned = InvalidRun().Replace(lower, "-").Trim('-');
        if (cleaned.Length > 64)
        {
            cleaned = cleaned[..64].Trim('-');
        }

        return cleaned.Length == 0 ? "main" : cleaned;
    }

    public static bool IsValidAgentId(string agentId) => ValidAgentId().IsMatch(agentId);

    [GeneratedRegex("^[a-z0-9][a-z0-9_-]{0,63}$")]
    private static partial Regex ValidAgentId();

    [GeneratedRegex("[^a-z0-9_-]+")]
    private static partial Regex InvalidRun();
}
