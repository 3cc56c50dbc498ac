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
internal sealed class OllamaChatClient : IChatClient
{
    public const string Api = "ollama";

    /// <summary>Idle timeout when the provider config sets none (local models can load for a while before the first token).</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromMinutes(5);

    private readonly ProviderEndpoint _endpoint;
    private readonly string _modelId;
    private readonly ChatClientMetadata _metadata;

    public OllamaChatClient(ProviderEndpoint endpoint, string modelId)
    {
        _endpoint = endpoint;
        _modelId = modelId;
        _metadata = new ChatClientMetadata("ollama", endpoint.BaseUrl, modelId);
    }

    public async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
        => await GetStreamingResponseAsync(messages, options, cancellationToken).ToChatResponseAsync(cancellationToken);

    public async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<ChatMessage> messages,
        ChatOptions? options = null,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        using var watchdog = new IdleWatchdog(_endpoint.Timeout ?? DefaultTimeout, _endpoint.TimeProvider, cancellationToken);

        using var request = new HttpRequestMessage(HttpMethod.Post, UriPaths.Append(_endpoint.BaseUrl, "api/chat"))
        {
            Content = ProviderJson.Content(OllamaRequestBuilder.Build(_modelId, messages, options)),
        };
        if (!string.IsNullOrEmpty(_endpoint.ApiKey))
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _endpoint.ApiKey);
        }

        using var response = await _endpoint.Http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, watchdog.Token);
        await using var stream = await response.Content.ReadAsStreamAsync(watchdog.Token);
        using var reader = new StreamReader(stream);
        var parser = new OllamaStreamParser(_endpoint.ProviderId, _modelId, "ollama-" + Guid.NewGuid().ToString("N")[..12]);
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

    public object? GetService(Type serviceType, object? serviceKey = null) => ChatClientServices.Resolve(this, _metadata, serviceType, serviceKey);

    public void Dispose()
    {
        // The HttpClient belongs to the provider endpoint.
    }
}
