using System.Text.Json;
using System.Text.Json.Nodes;
using SharpClaw.Providers.Abstractions;
using SharpClaw.Providers.Common;

namespace SharpClaw.Providers.Copilot;

/// <summary>
/// Trades a GitHub OAuth token for a Copilot API token: <c>GET https://api.github.com/copilot_internal/v2/token</c>
/// with <c>Authorization: token &lt;github token&gt;</c> and the editor headers. HTTP failures arrive classified from
/// the endpoint pipeline; 401/403 are reworded to say how to log in again.
/// </summary>
internal sealed class CopilotTokenExchange
{
    private const int MaxBodyChars = 64 * 1024;
    private readonly ProviderEndpoint _githubApi;

    /// <param name="githubApi">Endpoint whose base URL is https://api.github.com (or api.&lt;enterprise host&gt;).</param>
    public CopilotTokenExchange(ProviderEndpoint githubApi)
    {
        _githubApi = githubApi;
    }

    public async Task<CopilotApiToken> ExchangeAsync(string githubToken, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, CopilotUrls.TokenExchange(_githubApi.BaseUrl));
        CopilotHeaders.AddIdeHeaders(request.Headers);
        request.Headers.TryAddWithoutValidation("Authorization", "token " + githubToken);
        string body;
        try
        {
            using var response = await _githubApi.Http.SendAsync(request, cancellationToken);
            body = await response.Content.ReadAsStringAsync(cancellationToken);
        }
        catch (ProviderException ex) when (ex.HttpStatus is 401 or 403 && ex.Reason is not FailoverReason.Billing)
        {
            throw new ProviderException(
                _githubApi.ProviderId,
                null,
                FailoverReason.Auth,
                $"{_githubApi.ProviderId}: the Copilot token exchange rejected the GitHub token (HTTP {ex.HttpStatus}); {CopilotProvider.LoginHint}",
                ex.HttpStatus,
                inner: ex);
        }

        if (body.Length > MaxBodyChars)
        {
            throw new ProviderException(_githubApi.ProviderId, null, FailoverReason.Format, $"{_githubApi.ProviderId}: Copilot token response is too large");
        }

        try
        {
            var json = JsonNode.Parse(body) as JsonObject ?? throw new FormatException("not a JSON object");
            return CopilotApiToken.Parse(json, _githubApi.TimeProvider.GetUtcNow());
        }
        catch (Exception ex) when (ex is JsonException or FormatException)
        {
            throw new ProviderException(_githubApi.ProviderId, null, FailoverReason.Format, $"{_githubApi.ProviderId}: unexpected Copilot token response: {ex.Message}", inner: ex);
        }
    }
}
