using Microsoft.Extensions.AI;
using SharpClaw.Providers.Abstractions;

namespace SharpClaw.Providers.Tests.Infrastructure;

/// <summary>
/// The common ground of the <c>*ErrorTests</c>: one chat route on the <see cref="GoldenServer"/>, one client for it, and
/// the checks every provider's failures share.
/// </summary>
public abstract class ProviderErrorTestBase : GoldenServerTestBase
{
    /// <summary>The streaming chat route the client posts to.</summary>
    protected abstract string ChatPath { get; }

    /// <summary>The provider id failures must carry.</summary>
    protected abstract string ProviderId { get; }

    /// <summary>The model id failures must carry (and <see cref="Client"/> asks for).</summary>
    protected abstract string ModelId { get; }

    /// <summary>A chat client for <see cref="ModelId"/> pointed at the golden server.</summary>
    protected abstract IChatClient Client();

    /// <summary>Answers the chat route with <paramref name="reply"/> and returns how one streamed call fails.</summary>
    private protected async Task<ProviderException> FailWithAsync(GoldenReply reply)
    {
        Server.On("POST", ChatPath, reply);
        return await ChatStreams.FailureAsync(Client());
    }

    /// <summary>An HTTP error classified as <paramref name="reason"/>, naming the status, provider and model.</summary>
    private protected void AssertHttpFailure(ProviderException ex, FailoverReason reason, int status)
    {
        Assert.Equal(reason, ex.Reason);
        Assert.Equal(status, ex.HttpStatus);
        Assert.Equal(ProviderId, ex.Provider);
        Assert.Equal(ModelId, ex.Model);
    }

    /// <summary>A stream that stopped before its end marker: a timeout-class failure that says so.</summary>
    private protected static void AssertStreamEndedUnexpectedly(ProviderException ex)
    {
        Assert.Equal(FailoverReason.Timeout, ex.Reason);
        Assert.Contains("stream ended unexpectedly", ex.Message, StringComparison.Ordinal);
    }
}
