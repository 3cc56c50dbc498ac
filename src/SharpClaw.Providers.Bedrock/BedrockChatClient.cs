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
internal sealed class BedrockChatClient(ProviderEndpoint endpoint, string modelId, int? defaultMaxTokens = null)
    : StreamingProviderChatClient(endpoint, modelId, "aws.bedrock")
{
    public const string EventStreamContentType = "application/vnd.amazon.eventstream";

    public override async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<ChatMessage> messages,
        ChatOptions? options = null,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var model = options?.ModelId is { Length: > 0 } requested ? requested : ModelId;
        using var watchdog = StartWatchdog(cancellationToken);

        var body = ProviderJson.Utf8(BedrockRequestBuilder.Build(model, messages, options, defaultMaxTokens));
        using var request = new HttpRequestMessage(HttpMethod.Post, BedrockUrls.ConverseStream(Endpoint.BaseUrl, model))
        {
            Content = new ByteArrayContent(body) { Headers = { ContentType = new MediaTypeHeaderValue("application/json") } },
        };
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(EventStreamContentType));

        using var response = await SendAsync(request, watchdog.Token);
        await using var stream = await response.Content.ReadAsStreamAsync(watchdog.Token);
        var parser = new BedrockStreamParser(Endpoint.ProviderId, model);
        await foreach (var message in EventStreamReader.ReadAsync(stream, watchdog.Token))
        {
            watchdog.Reset();
            if (parser.Parse(message) is { } update)
            {
                yield return update;
            }
        }
    }

    protected override ProviderException Refine(ProviderException error) => BedrockErrors.Refine(error);
}
