using SharpClaw.Providers.Errors;

namespace SharpClaw.Providers.Common;

/// <summary>
/// Everything an adapter needs to talk to one provider: id (for error attribution), base URL, key, and an
/// <see cref="HttpClient"/> whose pipeline already adds the configured headers and classifies HTTP errors.
/// </summary>
internal sealed record ProviderEndpoint(string ProviderId, Uri BaseUrl, string? ApiKey, HttpClient Http, TimeProvider TimeProvider)
{
    /// <summary>Per-request timeout (time to response headers / idle between stream reads); null = adapter default.</summary>
    public TimeSpan? Timeout { get; init; }

    /// <summary>Never prints the key.</summary>
    public override string ToString() => $"ProviderEndpoint({ProviderId}, {BaseUrl}, key {(ApiKey is null ? "unset" : "set")})";

    /// <summary>
    /// Builds an endpoint whose HTTP pipeline is <see cref="ProviderHttpHandler"/> → <paramref name="transport"/>
    /// (default: a process-wide pooled <see cref="SocketsHttpHandler"/>).
    /// </summary>
    public static ProviderEndpoint Create(
        string providerId,
        Uri baseUrl,
        string? apiKey,
        IReadOnlyDictionary<string, string>? headers = null,
        HttpMessageHandler? transport = null,
        TimeProvider? timeProvider = null,
        TimeSpan? timeout = null)
    {
        var time = timeProvider ?? TimeProvider.System;
#pragma warning disable CA2000 // the handler chain lives as long as the endpoint's HttpClient; the shared transport is never disposed
        var handler = new ProviderHttpHandler(providerId, headers, time, transport ?? SharedHttpTransport.Instance);
#pragma warning restore CA2000
        var http = new HttpClient(handler, disposeHandler: false) { Timeout = System.Threading.Timeout.InfiniteTimeSpan };
        return new ProviderEndpoint(providerId, baseUrl, apiKey, http, time) { Timeout = timeout };
    }
}
