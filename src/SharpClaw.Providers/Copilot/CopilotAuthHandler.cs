using System.Net;
using System.Net.Http.Headers;

namespace SharpClaw.Providers.Copilot;

/// <summary>
/// Between the provider pipeline and the transport of the Copilot chat endpoint: gets a fresh API token, sends the
/// request to the token's API base (requests are built against <see cref="PlaceholderBase"/>; a configured
/// <c>baseUrl</c> wins), sets <c>Authorization: Bearer</c> and the editor headers, and on 401 invalidates the token
/// so the next call exchanges again.
/// </summary>
internal sealed class CopilotAuthHandler : DelegatingHandler
{
    /// <summary>The base URL chat clients are built with; rewritten per request.</summary>
    public static readonly Uri PlaceholderBase = new("https://api.githubcopilot.com/");

    private readonly CopilotTokenManager _tokens;
    private readonly Uri? _baseUrlOverride;

    public CopilotAuthHandler(CopilotTokenManager tokens, Uri? baseUrlOverride, HttpMessageHandler inner)
        : base(inner)
    {
        _tokens = tokens;
        _baseUrlOverride = baseUrlOverride;
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var token = await _tokens.GetAsync(cancellationToken);
        request.RequestUri = Rebase(request.RequestUri!, _baseUrlOverride ?? token.BaseUrl);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token.Token);
        CopilotHeaders.AddChatHeaders(request.Headers, CopilotHeaders.Flags);
        var response = await base.SendAsync(request, cancellationToken);
        if (response.StatusCode == HttpStatusCode.Unauthorized)
        {
            _tokens.Invalidate(token);
        }

        return response;
    }

    private static Uri Rebase(Uri requestUri, Uri apiBase)
    {
        var placeholder = PlaceholderBase.AbsoluteUri;
        var text = requestUri.AbsoluteUri;
        if (!text.StartsWith(placeholder, StringComparison.OrdinalIgnoreCase))
        {
            return requestUri;
        }

        return new Uri(CopilotUrls.WithSlash(apiBase), text[placeholder.Length..]);
    }
}
