namespace SharpClaw.Providers.Copilot;

/// <summary>
/// GitHub Copilot endpoints and the public client id of the Copilot editor integrations (device flow, token
/// exchange, chat API). <c>COPILOT_GITHUB_DOMAIN</c> points the device flow and token exchange at a GitHub
/// Enterprise host instead of github.com.
/// </summary>
internal static class CopilotUrls
{
    public const string ClientId = "Iv1.b507a08c87ecfe98";

    public const string Scope = "read:user";

    public const string DeviceGrantType = "urn:ietf:params:oauth:grant-type:device_code";

    public const string PublicDomain = "github.com";

    public const string DomainVariable = "COPILOT_GITHUB_DOMAIN";

    /// <summary>Chat API base when the exchanged token names none.</summary>
    public static readonly Uri DefaultApiBaseUrl = new("https://api.individual.githubcopilot.com");

    /// <summary>Chat API base for personal access tokens, which skip the exchange.</summary>
    public static readonly Uri EnterpriseApiBaseUrl = new("https://api.enterprise.githubcopilot.com");

    /// <summary>https://github.com (or the enterprise host): device code and access token.</summary>
    public static Uri GitHub(string domain) => new($"https://{domain}");

    /// <summary>https://api.github.com (or api.&lt;enterprise host&gt;): the Copilot token exchange.</summary>
    public static Uri GitHubApi(string domain) => new($"https://api.{domain}");

    public static Uri DeviceCode(Uri github) => new(github, "/login/device/code");

    public static Uri AccessToken(Uri github) => new(github, "/login/oauth/access_token");

    public static Uri TokenExchange(Uri githubApi) => new(githubApi, "/copilot_internal/v2/token");

    public static Uri Models(Uri apiBase) => new(WithSlash(apiBase), "models");

    public static Uri WithSlash(Uri uri) => uri.AbsoluteUri.EndsWith('/') ? uri : new Uri(uri.AbsoluteUri + "/");
}
