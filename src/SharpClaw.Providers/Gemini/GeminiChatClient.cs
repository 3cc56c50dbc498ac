using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using Microsoft.Extensions.AI;
using SharpClaw.Providers.Abstractions;
using SharpClaw.Providers.Common;

namespace SharpClaw.Providers.Gemini;

/// <summary>
/// A hand-written Gemini client: <c>POST {base}/v1beta/models/{model}:streamGenerateContent?alt=sse</c> with the key
/// in <c>x-goog-api-key</c>, parsed with <see cref="SseParser"/>. The endpoint timeout is an idle watchdog (time to
/// headers, then between events), driven by the endpoint's <see cref="TimeProvider"/>.
/// </summary>
internal sealed class GeminiChatClient : IChatClient
{
    public const string ApiKeyHeader = "x-goog-api-key";

    /// <summary>Idle timeout when the provider config sets none (thinking models can be silent for a while).</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromMinutes(5);

    private readonly ProviderEndpoint _endpoint;
    private readonly string _modelId;
    private readonly ChatClientMetadata _metadata;

    public GeminiChatClient(ProviderEndpoint endpoint, string modelId)
    {
        _endpoint = endpoint;
        _modelId = GeminiUrls.BareModelId(modelId);
        _metadata = new ChatClientMetadata("gemini", endpoint.BaseUrl, _modelId);
    }

    public async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
        => await GetStreamingResponseAsync(messages, options, cancellationToken).ToChatResponseAsync(cancellationToken);

    public async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<ChatMessage> messages,
        ChatOptions? options = null,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var model = options?.ModelId is { Length: > 0 } requested ? GeminiUrls.BareModelId(requested) : _modelId;
        using var watchdog = new IdleWatchdog(_endpoint.Timeout ?? DefaultTimeout, _endpoint.TimeProvider, cancellationToken);

        using var request = new HttpRequestMessage(HttpMethod.Post, GeminiUrls.StreamGenerateContent(_endpoint.BaseUrl, model))
        {
            Content = ProviderJson.Content(GeminiRequestBuilder.Build(model, messages, options)),
        };
        if (!string.IsNullOrEmpty(_endpoint.ApiKey))
        {
            request.Headers.TryAddWithoutValidation(ApiKeyHeader, _endpoint.ApiKey);
        }

        using var response = await SendAsync(request, watchdog.Token);
        await using var stream = await response.Content.ReadAsStreamAsync(watchdog.Token);
        var parser = new GeminiStreamParser(_endpoint.ProviderId, model);
        await foreach (var item in SseParser.Create(stream).EnumerateAsync(watchdog.Token))
        {
            watchdog.Reset();
            var data = item.Data.Trim();
            if (data.Length == 0 || data == "[DONE]")
            {
                continue;
            }

            yield return parser.Parse(data);
        }

        if (parser.UsageUpdate() is { } usage)
        {
            yield return usage;
        }
    }

    public object? GetService(Type serviceType, object? serviceKey = null) => ChatClientServices.Resolve(this, _metadata, serviceType, serviceKey);

    public void Dispose()
    {
        // The HttpClient belongs to the provider endpoint.
    }

    private async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        try
        {
            return await _endpoint.Http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        }
        catch (ProviderException ex)
        {
            throw GeminiErrors.Refine(ex);
        }
    }
}
