using Microsoft.Extensions.AI;
using SharpClaw.Providers.Common;
using SharpClaw.Providers.Errors;

namespace SharpClaw.Providers.Bedrock;

/// <summary>The <c>bedrock-converse-stream</c> adapter: <see cref="BedrockChatClient"/> wrapped in error mapping.</summary>
internal static class BedrockChatClientFactory
{
    public const string Api = "bedrock-converse-stream";

    /// <param name="endpoint">A runtime endpoint whose HTTP pipeline signs requests (see <see cref="BedrockProvider"/>).</param>
    /// <param name="defaultMaxTokens">The model's output cap from its definition, sent as <c>maxTokens</c> when the call sets none.</param>
    public static IChatClient Create(ProviderEndpoint endpoint, string modelId, int? defaultMaxTokens = null)
        => new ErrorMappingChatClient(new BedrockChatClient(endpoint, modelId, defaultMaxTokens), endpoint.ProviderId, modelId, endpoint.TimeProvider);
}
