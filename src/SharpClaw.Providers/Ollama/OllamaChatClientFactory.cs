using Microsoft.Extensions.AI;
using SharpClaw.Providers.Common;
using SharpClaw.Providers.Errors;

namespace SharpClaw.Providers.Ollama;

/// <summary>The <c>ollama</c> adapter: <see cref="OllamaChatClient"/> with usage normalisation and error mapping.</summary>
internal static class OllamaChatClientFactory
{
    public static IChatClient Create(ProviderEndpoint endpoint, string modelId)
    {
        IChatClient client = new OllamaChatClient(endpoint, modelId);
        client = new RequestShapingChatClient(client, static options => options);
        return new ErrorMappingChatClient(client, endpoint.ProviderId, modelId, endpoint.TimeProvider);
    }
}
