using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;

namespace SharpClaw.Gateway.Http.OpenAi;

/// <summary>
/// <c>model</c> → agent: <c>openclaw</c> / <c>openclaw/default</c> → the default agent; <c>openclaw/&lt;id&gt;</c>,
/// <c>openclaw:&lt;id&gt;</c>, <c>agent:&lt;id&gt;</c> → that agent. Header <c>x-openclaw-agent-id</c> (alias
/// <c>x-openclaw-agent</c>) wins, but an invalid <c>model</c> is refused even then.
/// </summary>
internal static partial class ModelAgentResolver
{
    public const string InvalidModelMessage = "Invalid `model`. Use `openclaw` or `openclaw/<agentId>`.";

    /// <summary>The requested agent id (null = default agent), or <paramref name="error"/> when <c>model</c> is not an OpenClaw model.</summary>
    public static string? Resolve(string? model, HttpRequest request, out string? error)
    {
        error = null;
        string? fromModel = null;
        var trimmed = model?.Trim() ?? string.Empty;
        if (trimmed.Length > 0 && !trimmed.Equals("openclaw", StringComparison.OrdinalIgnoreCase) && !trimmed.Equals("openclaw/default", StringComparison.OrdinalIgnoreCase))
        {
            var match = AgentModel().Match(trimmed);
            if (!match.Success)
            {
                error = InvalidModelMessage;
                return null;
            }

            fromModel = match.Groups["id"].Value.ToLowerInvariant();
        }

        var header = FirstHeader(request, "x-openclaw-agent-id", "x-openclaw-agent");
        return header is not null ? NormalizeHeaderAgent(header) : fromModel;
    }

    /// <summary>Lower-case; characters outside [a-z0-9_-] collapse to '-', edges trimmed, 64 max, empty → main.</summary>
    public static string NormalizeHeaderAgent(string value)
    {
        var collapsed = InvalidAgentChars().Replace(value.Trim().ToLowerInvariant(), "-").Trim('-');
        if (collapsed.Length > 64)
        {
            collapsed = collapsed[..64];
        }

        return collapsed.Length == 0 ? "main" : collapsed;
    }

    public static string? FirstHeader(HttpRequest request, params string[] names)
    {
        foreach (var name in names)
        {
            var value = request.Headers[name].ToString().Trim();
            if (value.Length > 0)
            {
                return value;
            }
        }

        return null;
    }

    [GeneratedRegex("^(?:openclaw[/:]|agent:)(?<id>[a-z0-9][a-z0-9_-]{0,63})$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex AgentModel();

    [GeneratedRegex("[^a-z0-9_-]+")]
    private static partial Regex InvalidAgentChars();
}
