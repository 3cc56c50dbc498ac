using Microsoft.Extensions.AI;
using SharpClaw.Providers.Abstractions;
using SharpClaw.Providers.Anthropic;
using SharpClaw.Providers.Common;
using SharpClaw.Providers.Ollama;
using SharpClaw.Providers.OpenAI;

namespace SharpClaw.Providers.Registry;

/// <summary>The API kinds this assembly implements, keyed by <c>api</c> (openclaw-core §5.1).</summary>
internal static class BuiltInAdapters
{
    public static bool IsSupported(string api)
        => api is OpenAICompatibleChatClientFactory.Api or AnthropicChatClientFactory.Api or OllamaChatClient.Api;

    /// <summary>A chat client for <paramref name="modelId"/> over <paramref name="api"/>.</summary>
    public static IChatClient Create(string api, ProviderEndpoint endpoint, string modelId, ModelDefinition? model) => api switch
    {
        AnthropicChatClientFactory.Api => AnthropicChatClientFactory.Create(endpoint, modelId, model?.MaxOutputTokens),
        OllamaChatClient.Api => OllamaChatClientFactory.Create(endpoint, modelId),
        OpenAICompatibleChatClientFactory.Api => OpenAICompatibleChatClientFactory.Create(endpoint, modelId),
        _ => throw new ProviderException(endpoint.ProviderId, modelId, FailoverReason.Format, $"{endpoint.ProviderId}/{modelId}: api '{api}' is not supported"),
    };
}
