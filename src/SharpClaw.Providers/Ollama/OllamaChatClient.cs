using System.Net.Http.Headers;
using System.Runtime.CompilerServices;
using Microsoft.Extensions.AI;
using SharpClaw.Providers.Common;

namespace SharpClaw.Providers.Ollama;

/// <summary>
/// A small native Ollama client (<c>POST {baseUrl}/api/chat</c>, NDJSON streaming). Hand-written rather than
/// OllamaSharp because OllamaSharp's chat stream ignores mid-stream <c>{"error":…}</c> lines, which SharpClaw
/// must classify (e.g. "context length exceeded"). The endpoint timeout is an idle watchdog: it restarts on every line.
/// </summary>
internal sealed class OllamaChatClient(ProviderEndpoint endpoint, string modelId)
    : StreamingProviderChatClient(endpoint, modelId, "ollama")
{
    public const string Api = "ollama";

    public override async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<ChatMessage> messages,
        ChatOptions? options = null,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        using var watchdog = StartWatchdog(cancellationToken);

        using var request = new HttpRequestMessage(HttpMethod.Post, UriPaths.Append(Endpoint.BaseUrl, "api/chat"))
        {
            Content = ProviderJson.Content(OllamaRequestBuilder.Build(ModelId, messages, options)),
        };
        if (!string.IsNullOrEmpty(Endpoint.ApiKey))
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Endpoint.ApiKey);
        }

        using var response = await SendAsync(request, watchdog.Token);
        await using var stream = await response.Content.ReadAsStreamAsync(watchdog.Token);
        using var reader = new StreamReader(stream);
        var parser = new OllamaStreamParser(Endpoint.ProviderId, ModelId, "ollama-" + Guid.NewGuid().ToString("N")[..12]);
        while (true)
        {
            watchdog.Reset();
            var line = await reader.ReadLineAsync(watchdog.Token);
            if (line is null)
            {
                yield break;
            }

            if (!string.IsNullOrWhiteSpace(line))
            {
                yield return parser.Parse(line);
            }
        }
    }
}
