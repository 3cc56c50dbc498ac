using System.Runtime.CompilerServices;
using Microsoft.Extensions.AI;
using SharpClaw.Providers.Abstractions;

namespace SharpClaw.Providers.Errors;

/// <summary>
/// Outermost decorator of every adapter: whatever the SDK or transport throws comes out as a classified
/// <see cref="ProviderException"/> (caller cancellation stays an <see cref="OperationCanceledException"/>), and a
/// stream that ends without the provider's finish signal is reported as <see cref="FailoverReason.Timeout"/>
/// "stream ended unexpectedly" instead of passing for a complete answer.
/// </summary>
internal sealed class ErrorMappingChatClient : DelegatingChatClient
{
    private readonly string _provider;
    private readonly string _model;
    private readonly TimeProvider _timeProvider;

    public ErrorMappingChatClient(IChatClient inner, string provider, string model, TimeProvider? timeProvider = null)
        : base(inner)
    {
        _provider = provider;
        _model = model;
        _timeProvider = timeProvider ?? TimeProvider.System;
    }

    public override async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        try
        {
            return await base.GetResponseAsync(messages, options, cancellationToken);
        }
        catch (Exception ex) when (ShouldTranslate(ex, cancellationToken))
        {
            throw Translate(ex, cancellationToken);
        }
    }

    public override async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<ChatMessage> messages,
        ChatOptions? options = null,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        IAsyncEnumerator<ChatResponseUpdate> enumerator;
        try
        {
            enumerator = base.GetStreamingResponseAsync(messages, options, cancellationToken).GetAsyncEnumerator(cancellationToken);
        }
        catch (Exception ex) when (ShouldTranslate(ex, cancellationToken))
        {
            throw Translate(ex, cancellationToken);
        }

        var finished = false;
        try
        {
            while (true)
            {
                ChatResponseUpdate update;
                try
                {
                    if (!await enumerator.MoveNextAsync())
                    {
                        break;
                    }

                    update = enumerator.Current;
                }
                catch (Exception ex) when (ShouldTranslate(ex, cancellationToken))
                {
                    throw Translate(ex, cancellationToken);
                }

                finished |= update.FinishReason is not null;
                yield return update;
            }
        }
        finally
        {
            await enumerator.DisposeAsync();
        }

        if (!finished)
        {
            throw ProviderErrors.StreamEnded(_provider, _model, "no finish reason received");
        }
    }

    private static bool ShouldTranslate(Exception ex, CancellationToken cancellationToken)
        => !(ex is OperationCanceledException && cancellationToken.IsCancellationRequested);

    /// <summary>A classified failure, or, when the caller cancelled, a cancellation whatever the transport threw.</summary>
    private Exception Translate(Exception ex, CancellationToken cancellationToken)
        => cancellationToken.IsCancellationRequested
            ? new OperationCanceledException("the caller cancelled the request", ex, cancellationToken)
            : ProviderExceptionMapper.Map(ex, _provider, _model, _timeProvider);
}
