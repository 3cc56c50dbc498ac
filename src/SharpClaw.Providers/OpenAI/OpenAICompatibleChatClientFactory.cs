using System.ClientModel;
using System.ClientModel.Primitives;
using Microsoft.Extensions.AI;
using OpenAI;
using OpenAI.Chat;
using SharpClaw.Providers.Common;
using SharpClaw.Providers.Errors;

namespace SharpClaw.Providers.OpenAI;

/// <summary>
/// The <c>openai-completions</c> adapter: OpenAI Chat Completions (<c>POST {baseUrl}/chat/completions</c>, SSE with
/// <c>stream_options.include_usage</c>) through the official OpenAI SDK pointed at any compatible endpoint
/// (OpenAI, OpenRouter, xAI, Mistral, Moonshot, vLLM, custom), exposed as an MEAI <see cref="IChatClient"/>.
/// </summary>
internal static class OpenAICompatibleChatClientFactory
{
    public const string Api = "openai-completions";

    /// <summary>Idle/read timeout when the provider config sets none (reasoning models can think silently for minutes).</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromMinutes(5);

    /// <summary>
    /// A streaming chat client for <paramref name="modelId"/>: SDK retries are off (the failover runner owns
    /// retries), <see cref="Abstractions.ProviderOptionKeys.Thinking"/> maps to <c>reasoning_effort</c>, usage is
    /// normalised and every failure surfaces as <see cref="Abstractions.ProviderException"/>.
    /// </summary>
    public static IChatClient Create(ProviderEndpoint endpoint, string modelId)
    {
        var options = new OpenAIClientOptions
        {
            Endpoint = endpoint.BaseUrl,
            Transport = new HttpClientPipelineTransport(endpoint.Http),
            RetryPolicy = new ClientRetryPolicy(maxRetries: 0),
            NetworkTimeout = endpoint.Timeout ?? DefaultTimeout,
        };

        // Keyless local servers (vLLM without --api-key) ignore the bearer token, but the SDK requires one.
        var credential = new ApiKeyCredential(string.IsNullOrEmpty(endpoint.ApiKey) ? "no-key" : endpoint.ApiKey);
        IChatClient client = new OpenAIConversionCache(new ChatClient(modelId, credential, options).AsIChatClient());
        client = new RequestShapingChatClient(client, OpenAIReasoning.ShapeOptions, OpenAIReasoning.AddReasoningDelta);
        return new ErrorMappingChatClient(client, endpoint.ProviderId, modelId, endpoint.TimeProvider);
    }
}
