using System.Runtime.CompilerServices;
using Microsoft.Extensions.AI;
using SharpClaw.Agents.Runs;
using SharpClaw.Providers.Abstractions;

namespace SharpClaw.Gateway.Agents;

/// <summary>Used when no model provider is configured: every turn fails with the env vars to set.</summary>
public sealed class UnconfiguredModelInvoker : IModelInvoker
{
    public const string Hint = "no model provider is configured: set ANTHROPIC_API_KEY, OPENAI_API_KEY, GEMINI_API_KEY (or GOOGLE_API_KEY), OPENROUTER_API_KEY, XAI_API_KEY, MISTRAL_API_KEY, MOONSHOT_API_KEY or MINIMAX_API_KEY, configure models.providers.<id>.apiKey, run Ollama on 127.0.0.1:11434, or set AWS credentials for Bedrock / COPILOT_GITHUB_TOKEN for GitHub Copilot";

    public async IAsyncEnumerable<ChatResponseUpdate> StreamAsync(ModelCall call, IList<ChatMessage> messages, ChatOptions options, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await Task.CompletedTask;
        throw new NoModelProviderException(Hint);
#pragma warning disable CS0162 // an iterator needs a yield
        yield break;
#pragma warning restore CS0162
    }

    public ModelCost? CostOf(string provider, string model) => null;
}
