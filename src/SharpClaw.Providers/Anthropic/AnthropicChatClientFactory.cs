using Anthropic;
using Anthropic.Core;
using Microsoft.Extensions.AI;
using SharpClaw.Providers.Common;
using SharpClaw.Providers.Errors;

namespace SharpClaw.Providers.Anthropic;

/// <summary>
/// The <c>anthropic-messages</c> adapter: Anthropic Messages (<c>POST {baseUrl}/v1/messages</c>, SSE) through the
/// official Anthropic SDK and its MEAI <see cref="IChatClient"/>. Also serves Anthropic-compatible endpoints such as
/// MiniMax (<c>https://api.minimax.io/anthropic</c>).
/// </summary>
internal static class AnthropicChatClientFactory
{
    public const string Api = "anthropic-messages";

    /// <summary><c>max_tokens</c> when neither the call nor the model definition sets one (the Messages API requires it).</summary>
    public const int DefaultMaxOutputTokens = 8192;

    /// <summary>Time to response headers when the provider config sets none.</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromMinutes(10);

    /// <param name="modelMaxOutputTokens">The model's output cap from its definition, if known; bounds <c>max_tokens</c> when thinking raises it.</param>
    public static IChatClient Create(ProviderEndpoint endpoint, string modelId, int? modelMaxOutputTokens = null)
    {
        var client = new AnthropicClient(new ClientOptions
        {
            // Always explicit so the SDK never falls back to reading credentials from the process environment.
            ApiKey = string.IsNullOrEmpty(endpoint.ApiKey) ? "no-key" : endpoint.ApiKey,
            BaseUrl = endpoint.BaseUrl.ToString().TrimEnd('/'),
            HttpClient = endpoint.Http,
            MaxRetries = 0,
            Timeout = endpoint.Timeout ?? DefaultTimeout,
        });

        var limits = new AnthropicTokenLimits(modelMaxOutputTokens ?? DefaultMaxOutputTokens, modelMaxOutputTokens is not null);
        IChatClient chat = client.AsIChatClient(modelId, limits.DefaultMaxTokens, AnthropicThinkingMode.Extended);
        chat = new RequestShapingChatClient(chat, options => AnthropicThinking.ShapeOptions(options, modelId, limits));
        return new ErrorMappingChatClient(chat, endpoint.ProviderId, modelId, endpoint.TimeProvider);
    }
}
