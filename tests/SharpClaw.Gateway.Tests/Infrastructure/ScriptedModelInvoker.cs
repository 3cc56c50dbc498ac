using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Microsoft.Extensions.AI;
using SharpClaw.Agents.Runs;
using SharpClaw.Providers.Abstractions;

namespace SharpClaw.Gateway.Tests.Infrastructure;

/// <summary>
/// A model that plays scripted replies (text chunks with optional delays, tool calls, usage). Unscripted
/// calls answer "ok". A reply with <see cref="ScriptedReply.HangUntilCancelled"/> streams forever.
/// </summary>
public sealed class ScriptedModelInvoker : IModelInvoker
{
    private readonly ConcurrentQueue<ScriptedReply> _replies = new();

    public ConcurrentQueue<IList<ChatMessage>> Calls { get; } = new();

    public void Enqueue(ScriptedReply reply) => _replies.Enqueue(reply);

    public async IAsyncEnumerable<ChatResponseUpdate> StreamAsync(ModelCall call, IList<ChatMessage> messages, ChatOptions options, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        Calls.Enqueue([.. messages]);
        call.OnModelSelected?.Invoke("fake", "scripted-1");
        var reply = _replies.TryDequeue(out var r) ? r : new ScriptedReply(["ok"]);
        if (reply.Error is not null)
        {
            throw reply.Error;
        }

        foreach (var chunk in reply.Chunks)
        {
            if (reply.DelayMs > 0)
            {
                await Task.Delay(reply.DelayMs, cancellationToken);
            }

            yield return new ChatResponseUpdate(ChatRole.Assistant, chunk);
        }

        if (reply.HangUntilCancelled)
        {
            while (true)
            {
                await Task.Delay(50, cancellationToken);
                yield return new ChatResponseUpdate(ChatRole.Assistant, ".");
            }
        }

        foreach (var (name, args) in reply.ToolCalls)
        {
            yield return new ChatResponseUpdate(ChatRole.Assistant, [new FunctionCallContent("call_" + Guid.NewGuid().ToString("N")[..8], name, args)]);
        }

        yield return new ChatResponseUpdate(ChatRole.Assistant, [new UsageContent(new UsageDetails { InputTokenCount = reply.InputTokens, OutputTokenCount = reply.OutputTokens, AdditionalCounts = new() { [TokenUsage.CacheReadKey] = reply.CacheRead } })])
        {
            FinishReason = reply.ToolCalls.Count > 0 ? ChatFinishReason.ToolCalls : ChatFinishReason.Stop,
        };
    }

    public ModelCost? CostOf(string provider, string model) => new(3m, 15m, 0.3m, 3.75m);
}
