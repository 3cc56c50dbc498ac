using Microsoft.Extensions.AI;
using SharpClaw.Providers.Common;
using SharpClaw.Providers.Errors;

namespace SharpClaw.Providers.Gemini;

/// <summary>The <c>google-generative-ai</c> adapter: <see cref="GeminiChatClient"/> wrapped in error mapping.</summary>
internal static class GeminiChatClientFactory
{
    public const string Api = "google-generative-ai";

    public static IChatClient Create(ProviderEndpoint endpoint, string modelId)
        => new ErrorMappingChatClient(new GeminiChatClient(endpoint, modelId), endpoint.ProviderId, GeminiUrls.BareModelId(modelId), endpoint.TimeProvider);
}
