using SharpClaw.Providers.Abstractions;

namespace SharpClaw.Providers.Copilot;

/// <summary>How a <see cref="CopilotProvider"/> is wired (the registry builds this from config, env and the state dir).</summary>
internal sealed record CopilotProviderOptions
{
    public string Id { get; init; } = CopilotProvider.ProviderId;

    /// <summary>The GitHub token (login store, <c>COPILOT_GITHUB_TOKEN</c>/<c>GH_TOKEN</c>/<c>GITHUB_TOKEN</c> or config); null → not configured.</summary>
    public string? GitHubToken { get; init; }

    /// <summary>Where the token came from (<c>login</c>, <c>env:GH_TOKEN</c>, <c>config</c>) for status; never the token.</summary>
    public string? TokenSource { get; init; }

    /// <summary>Login and token-cache files; null → tokens are kept in memory only.</summary>
    public CopilotCredentialStore? Store { get; init; }

    /// <summary>https://github.com (device flow).</summary>
    public Uri GitHubUrl { get; init; } = CopilotUrls.GitHub(CopilotUrls.PublicDomain);

    /// <summary>https://api.github.com (token exchange).</summary>
    public Uri GitHubApiUrl { get; init; } = CopilotUrls.GitHubApi(CopilotUrls.PublicDomain);

    /// <summary><c>models.providers.github-copilot.baseUrl</c>: overrides the API base the token names.</summary>
    public Uri? BaseUrlOverride { get; init; }

    public IReadOnlyDictionary<string, string> Headers { get; init; } = new Dictionary<string, string>();

    public IReadOnlyList<ModelDefinition> ConfiguredModels { get; init; } = [];

    public bool IncludeDefaultModels { get; init; } = true;

    public bool DiscoverModels { get; init; } = true;

    public TimeSpan DiscoveryTimeout { get; init; } = TimeSpan.FromSeconds(5);

    public TimeSpan? Timeout { get; init; }

    public HttpMessageHandler? Transport { get; init; }

    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;
}
