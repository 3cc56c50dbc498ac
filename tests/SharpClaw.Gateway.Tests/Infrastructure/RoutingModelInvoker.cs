using System.Runtime.CompilerServices;
using Microsoft.Extensions.AI;
using SharpClaw.Agents.Runs;
using SharpClaw.Providers.Abstractions;

namespace SharpClaw.Gateway.Tests.Infrastructure;

/// <summary>A model whose reply is chosen from the conversation (for runs that happen concurrently, e.g. sub-agents).</summary>
public sealed class RoutingModelInvoker(Func<IList<ChatMessage>, ScriptedReply> route) : IModelInvoker
{
    public async IAsyncEnumerable<ChatResponseUpdate> StreamAsync(ModelCall call, IList<ChatMessage> messages, ChatOptions options, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        call.OnModelSelected?.Invoke("fake", "routing-1");
        var reply = route(messages);
        await Task.Yield();
        foreach (var chunk in reply.Chunks)
        {
            yield return new ChatResponseUpdate(ChatRole.Assistant, chunk);
        }

        foreach (var (name, args) in reply.ToolCalls)
        {
            yield return new ChatResponseUpdate(ChatRole.Assistant, [new FunctionCallContent("call_" + Guid.NewGuid().ToString("N")[..8], name, args)]);
        }

        yield return new ChatResponseUpdate(ChatRole.Assistant, [new UsageContent(new UsageDetails { InputTokenCount = 10, OutputTokenCount = 5 })])
        {
            FinishReason = reply.ToolCalls.Count > 0 ? ChatFinishReason.ToolCalls : ChatFinishReason.Stop,
        };
    }

    public ModelCost? CostOf(string provider, string model) => null;
}
