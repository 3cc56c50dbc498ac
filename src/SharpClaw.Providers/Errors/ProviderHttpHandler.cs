namespace SharpClaw.Providers.Errors;

/// <summary>
/// Sits in front of every provider's HTTP transport: adds the configured static headers and turns any non-success
/// response into a classified <see cref="Abstractions.ProviderException"/> (status, body message, Retry-After) before an SDK
/// can wrap it in its own exception type and lose the headers.
/// </summary>
internal sealed class ProviderHttpHandler : DelegatingHandler
{
    private const int MaxErrorBodyChars = 16 * 1024;
    private readonly string _provider;
    private readonly IReadOnlyDictionary<string, string> _headers;
    private readonly TimeProvider _timeProvider;

    public ProviderHttpHandler(string provider, IReadOnlyDictionary<string, string>? headers, TimeProvider timeProvider, HttpMessageHandler inner)
        : base(inner)
    {
        _provider = provider;
        _headers = headers ?? new Dictionary<string, string>();
        _timeProvider = timeProvider;
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        foreach (var (name, value) in _headers)
        {
            request.Headers.Remove(name);
            request.Headers.TryAddWithoutValidation(name, value);
        }

        var response = await base.SendAsync(request, cancellationToken);
        if (response.IsSuccessStatusCode)
        {
            return response;
        }

        using (response)
        {
            var body = await ReadBodyAsync(response, cancellationToken);
            var retryAfter = RetryAfterParser.Parse(response, _timeProvider);
            throw ProviderErrors.FromHttp(_provider, null, (int)response.StatusCode, body, retryAfter);
        }
    }

    private static async Task<string?> ReadBodyAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            return body.Length > MaxErrorBodyChars ? body[..MaxErrorBodyChars] : body;
        }
        catch (HttpRequestException)
        {
            return null;
        }
        catch (IOException)
        {
            return null;
        }
    }
}
