using Microsoft.Extensions.AI;

namespace SharpClaw.Agents.Runs;

/// <summary>
/// Streams one model call for a run: resolves the model (primary then fallbacks), applies cooldowns and
/// failover, and reports which model answered through <see cref="ModelCall.OnModelSelected"/>.
/// </summary>
public interface IModelInvoker
{
    IAsyncEnumerable<ChatResponseUpdate> StreamAsync(ModelCall call, IList<ChatMessage> messages, ChatOptions options, CancellationToken cancellationToken);

    /// <summary>The cost rates of a model, if known.</summary>
    Providers.Abstractions.ModelCost? CostOf(string provider, string model);
}
