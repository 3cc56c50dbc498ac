using System.Net.Http.Headers;
using System.Runtime.CompilerServices;
using Microsoft.Extensions.AI;
using SharpClaw.Providers.Abstractions;
using SharpClaw.Providers.Common;

namespace SharpClaw.Providers.Bedrock;

/// <summary>
/// A hand-written Bedrock ConverseStream client: <c>POST {runtime}/model/{modelId}/converse-stream</c> (SigV4-signed
/// by the endpoint's pipeline), decoding the <c>application/vnd.amazon.eventstream</c> response frame by frame.
/// The endpoint timeout is an idle watchdog (time to headers, then between frames) on the endpoint's <see cref="TimeProvider"/>.
/// </summary>
internal sealed class BedrockChatClient : IChatClient
{
    public const string EventStreamContentType = "application/vnd.amazon.eventstream";

    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromMinutes(5);

    private readonly ProviderEndpoint _endpoint;
    private readonly string _modelId;
    private readonly int? _defaultMaxTokens;
    private readonly ChatClientMetadata _metadata;

    public BedrockChatClient(ProviderEndpoint endpoint, string modelId, int? defaultMaxTokens = null)
    {
        _endpoint = endpoint;
        _modelId = modelId;
        _defaultMaxTokens = defaultMaxTokens;
        _metadata = new ChatClientMetadata("aws.bedrock", endpoint.BaseUrl, modelId);
    }

    public async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
        => await GetStreamingResponseAsync(messages, options, cancellationToken).ToChatResponseAsync(cancellationToken);

    public async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<ChatMessage> messages,
        ChatOptions? options = null,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var model = options?.ModelId is { Length: > 0 } requested ? requested : _modelId;
        using var watchdog = new IdleWatchdog(_endpoint.Timeout ?? DefaultTimeout, _endpoint.TimeProvider, cancellationToken);

        var body = ProviderJson.Utf8(BedrockRequestBuilder.Build(model, messages, options, _defaultMaxTokens));
        using var request = new HttpRequestMessage(HttpMethod.Post, BedrockUrls.ConverseStream(_endpoint.BaseUrl, model))
        {
            Content = new ByteArrayContent(body) { Headers = { ContentType = new MediaTypeHeaderValue("application/json") } },
        };
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(EventStreamContentType));

        using var response = await SendAsync(request, watchdog.Token);
        await using var stream = await response.Content.ReadAsStreamAsync(watchdog.Token);
        var parser = new BedrockStreamParser(_endpoint.ProviderId, model);
        await foreach (var message in EventStreamReader.ReadAsync(stream, watchdog.Token))
        {
            watchdog.Reset();
            if (parser.Parse(message) is { } update)
            {
                yield return update;
            }
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
            throw BedrockErrors.Refine(ex);
        }
    }
}
