using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace SharpClaw.Providers.Copilot;

/// <summary>
/// A short-lived Copilot API token from the exchange, with the chat API base it belongs to and the time to refresh
/// it (<see cref="CopilotTokenManager.RefreshMargin"/> before expiry, or earlier when GitHub sends <c>refresh_in</c>).
/// Personal access tokens are used directly (<see cref="IsStatic"/>).
/// </summary>
internal sealed partial record CopilotApiToken(string Token, DateTimeOffset ExpiresAt, DateTimeOffset RefreshAt, Uri BaseUrl)
{
    public bool IsStatic { get; init; }

    public bool IsFresh(DateTimeOffset now) => IsStatic || now < RefreshAt;

    /// <summary>Never prints the token.</summary>
    public override string ToString() => $"CopilotApiToken({BaseUrl}, expires {ExpiresAt:O})";

    /// <summary>
    /// Reads <c>{token, expires_at (unix seconds; ms accepted), refresh_in?, endpoints.api?}</c>. The API base is
    /// <c>endpoints.api</c>, else the token's <c>proxy-ep=proxy.X</c> field as https://api.X, else the default.
    /// </summary>
    public static CopilotApiToken Parse(JsonObject json, DateTimeOffset now)
    {
        var token = json["token"] is JsonValue t && t.TryGetValue<string>(out var s) && !string.IsNullOrWhiteSpace(s)
            ? s
            : throw new FormatException("Copilot token response has no token");
        var expiresAt = ReadUnix(json["expires_at"]) ?? throw new FormatException("Copilot token response has no valid expires_at");
        var refreshAt = expiresAt - CopilotTokenManager.RefreshMargin;
        if (json["refresh_in"] is JsonValue r && r.TryGetValue<double>(out var refreshIn) && refreshIn > 0 && now + TimeSpan.FromSeconds(refreshIn) < refreshAt)
        {
            refreshAt = now + TimeSpan.FromSeconds(refreshIn);
        }

        var endpointsApi = json["endpoints"]?["api"] is JsonValue a && a.TryGetValue<string>(out var api) && Uri.TryCreate(api, UriKind.Absolute, out var apiUri) ? apiUri : null;
        return new CopilotApiToken(token, expiresAt, refreshAt, endpointsApi ?? BaseUrlFromToken(token) ?? CopilotUrls.DefaultApiBaseUrl);
    }

    /// <summary><c>…;proxy-ep=proxy.individual.githubcopilot.com;…</c> → https://api.individual.githubcopilot.com.</summary>
    public static Uri? BaseUrlFromToken(string token)
    {
        var match = ProxyEndpoint().Match(token);
        if (!match.Success)
        {
            return null;
        }

        var host = match.Groups[1].Value;
        host = host.StartsWith("https://", StringComparison.OrdinalIgnoreCase) ? host[8..] : host;
        host = host.StartsWith("proxy.", StringComparison.OrdinalIgnoreCase) ? "api." + host[6..] : host;
        return Uri.TryCreate("https://" + host, UriKind.Absolute, out var uri) ? uri : null;
    }

    /// <summary>True for GitHub personal access tokens (<c>github_pat_</c>, <c>ghp_</c>), which skip the exchange.</summary>
    public static bool IsPersonalAccessToken(string githubToken)
        => githubToken.StartsWith("github_pat_", StringComparison.Ordinal) || githubToken.StartsWith("ghp_", StringComparison.Ordinal);

    private static DateTimeOffset? ReadUnix(JsonNode? node)
    {
        double value;
        if (node is JsonValue v && v.TryGetValue<double>(out var d))
        {
            value = d;
        }
        else if (node is JsonValue sv && sv.TryGetValue<string>(out var str) && double.TryParse(str, System.Globalization.CultureInfo.InvariantCulture, out var parsed))
        {
            value = parsed;
        }
        else
        {
            return null;
        }

        if (!double.IsFinite(value) || value <= 0)
        {
            return null;
        }

        var ms = value > 10_000_000_000 ? value : value * 1000;
        return ms < 253_402_300_799_000 ? DateTimeOffset.FromUnixTimeMilliseconds((long)ms) : null;
    }

    [GeneratedRegex(@"(?:^|;)\s*proxy-ep=([^;\s]+)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ProxyEndpoint();
}
