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
internal sealed class GeminiChatClient(ProviderEndpoint endpoint, string modelId)
    : StreamingProviderChatClient(endpoint, GeminiUrls.BareModelId(modelId), "gemini")
{
    public const string ApiKeyHeader = "x-goog-api-key";

    public override async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<ChatMessage> messages,
        ChatOptions? options = null,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var model = options?.ModelId is { Length: > 0 } requested ? GeminiUrls.BareModelId(requested) : ModelId;
        using var watchdog = StartWatchdog(cancellationToken);

        using var request = new HttpRequestMessage(HttpMethod.Post, GeminiUrls.StreamGenerateContent(Endpoint.BaseUrl, model))
        {
            Content = ProviderJson.Content(GeminiRequestBuilder.Build(model, messages, options)),
        };
        if (!string.IsNullOrEmpty(Endpoint.ApiKey))
        {
            request.Headers.TryAddWithoutValidation(ApiKeyHeader, Endpoint.ApiKey);
        }

        using var response = await SendAsync(request, watchdog.Token);
        await using var stream = await response.Content.ReadAsStreamAsync(watchdog.Token);
        var parser = new GeminiStreamParser(Endpoint.ProviderId, model);
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

    protected override ProviderException Refine(ProviderException error) => GeminiErrors.Refine(error);
}
