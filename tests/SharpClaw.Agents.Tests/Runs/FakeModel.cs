using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Microsoft.Extensions.AI;
using SharpClaw.Agents.Runs;
using SharpClaw.Providers.Abstractions;

namespace SharpClaw.Agents.Tests.Runs;

/// <summary>A model whose answers are functions of the call (queue of behaviours).</summary>
public sealed class FakeModel : IModelInvoker
{
    public ConcurrentQueue<Func<IList<ChatMessage>, CancellationToken, IAsyncEnumerable<ChatResponseUpdate>>> Behaviours { get; } = new();

    public List<IList<ChatMessage>> Calls { get; } = [];

    public IAsyncEnumerable<ChatResponseUpdate> StreamAsync(ModelCall call, IList<ChatMessage> messages, ChatOptions options, CancellationToken cancellationToken)
    {
        lock (Calls)
        {
            Calls.Add([.. messages]);
        }

        call.OnModelSelected?.Invoke("fake", "m1");
        return Behaviours.TryDequeue(out var b) ? b(messages, cancellationToken) : Text("ok");
    }

    public ModelCost? CostOf(string provider, string model) => new(1m, 2m, 0.1m, 1.25m);

    public static async IAsyncEnumerable<ChatResponseUpdate> Text(string text, [EnumeratorCancellation] CancellationToken ct = default)
    {
        await Task.Yield();
        yield return new ChatResponseUpdate(ChatRole.Assistant, text);
        yield return new ChatResponseUpdate(ChatRole.Assistant, [new UsageContent(new UsageDetails { InputTokenCount = 1_000_000, OutputTokenCount = 1_000_000 })]);
    }

    public static async IAsyncEnumerable<ChatResponseUpdate> Throw(Exception ex)
    {
        await Task.Yield();
        throw ex;
#pragma warning disable CS0162
        yield break;
#pragma warning restore CS0162
    }

    public static async IAsyncEnumerable<ChatResponseUpdate> Forever([EnumeratorCancellation] CancellationToken ct)
    {
        while (true)
        {
            await Task.Delay(20, ct);
            yield return new ChatResponseUpdate(ChatRole.Assistant, ".");
        }
    }
}
