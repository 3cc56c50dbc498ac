using SharpClaw.Providers.Common;

namespace SharpClaw.Providers.Copilot;

/// <summary>
/// The interactive login: device code → user authorises in the browser → poll for the GitHub token → check it with a
/// token exchange → store it (mode 600, atomic) in the state dir, where <see cref="CopilotProvider"/> finds it.
/// </summary>
internal static class CopilotLogin
{
    public static async Task<CopilotApiToken> RunAsync(
        CopilotCredentialStore store,
        Func<CopilotDeviceCode, CancellationToken, Task> showCode,
        CancellationToken cancellationToken,
        Uri? githubUrl = null,
        Uri? githubApiUrl = null,
        HttpMessageHandler? transport = null,
        TimeProvider? time = null)
    {
        time ??= TimeProvider.System;
        transport ??= SharedHttpTransport.Instance;
        var github = ProviderEndpoint.Create(CopilotProvider.ProviderId, githubUrl ?? CopilotUrls.GitHub(CopilotUrls.PublicDomain), null, null, transport, time, TimeSpan.FromSeconds(30));
        var githubApi = ProviderEndpoint.Create(CopilotProvider.ProviderId, githubApiUrl ?? CopilotUrls.GitHubApi(CopilotUrls.PublicDomain), null, null, transport, time, TimeSpan.FromSeconds(30));

        var flow = new CopilotDeviceFlow(github);
        var code = await flow.RequestCodeAsync(cancellationToken);
        await showCode(code, cancellationToken);
        var githubToken = await flow.PollForTokenAsync(code, cancellationToken);

        var apiToken = await new CopilotTokenExchange(githubApi).ExchangeAsync(githubToken, cancellationToken);
        var now = time.GetUtcNow();
        await store.SaveGitHubTokenAsync(githubToken, now, cancellationToken);
        await store.SaveCachedTokenAsync(githubToken, apiToken, now, cancellationToken);
        return apiToken;
    }
}
