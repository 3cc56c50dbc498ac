using Microsoft.Extensions.AI;
using SharpClaw.Providers.Abstractions;

namespace SharpClaw.Providers.Common;

/// <summary>
/// What the hand-written streaming clients (Gemini, Ollama, Bedrock) share: the endpoint and model, a non-streaming
/// call assembled from the stream, the idle watchdog (endpoint timeout, default 5 min, restarted per event on the
/// endpoint's <see cref="TimeProvider"/>), sending with response headers first and the adapter's refinement of
/// provider errors, and the <see cref="IChatClient.GetService"/> answer (metadata or the client itself).
/// </summary>
internal abstract class StreamingProviderChatClient : IChatClient
{
    /// <summary>Idle timeout when the provider config sets none (thinking or loading models can be silent for a while).</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromMinutes(5);

    private readonly ChatClientMetadata _metadata;

    protected StreamingProviderChatClient(ProviderEndpoint endpoint, string modelId, string providerName)
    {
        Endpoint = endpoint;
        ModelId = modelId;
        _metadata = new ChatClientMetadata(providerName, endpoint.BaseUrl, modelId);
    }

    protected ProviderEndpoint Endpoint { get; }

    protected string ModelId { get; }

    public async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
        => await GetStreamingResponseAsync(messages, options, cancellationToken).ToChatResponseAsync(cancellationToken);

    public abstract IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default);

    public object? GetService(Type serviceType, object? serviceKey = null)
    {
        ArgumentNullException.ThrowIfNull(serviceType);
        return serviceKey is not null ? null
            : serviceType == typeof(ChatClientMetadata) ? _metadata
            : serviceType.IsInstanceOfType(this) ? this
            : null;
    }

    public void Dispose()
    {
        // The HttpClient belongs to the provider endpoint.
    }

    /// <summary>The idle watchdog for one call; its token ends the call when the stream goes silent.</summary>
    protected IdleWatchdog StartWatchdog(CancellationToken cancellationToken) => new(Endpoint.Timeout ?? DefaultTimeout, Endpoint.TimeProvider, cancellationToken);

    /// <summary>Sends <paramref name="request"/> (returning at the response headers); provider errors pass through <see cref="Refine"/>.</summary>
    protected async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        try
        {
            return await Endpoint.Http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        }
        catch (ProviderException ex)
        {
            throw Refine(ex);
        }
    }

    /// <summary>An adapter's sharper reading of a provider error (e.g. from its error body); the error itself by default.</summary>
    protected virtual ProviderException Refine(ProviderException error) => error;
}
