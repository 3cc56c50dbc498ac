namespace SharpClaw.Providers.Common;

/// <summary>
/// The idle timeout of a streamed provider call: cancels <see cref="Token"/> when no progress is reported
/// (<see cref="Reset"/>) for the timeout — time to headers, then between events — or when the caller cancels.
/// Driven by the endpoint's <see cref="TimeProvider"/>, so tests control it.
/// </summary>
internal sealed class IdleWatchdog : IDisposable
{
    private readonly TimeSpan _timeout;
    private readonly CancellationTokenSource _idle;
    private readonly CancellationTokenSource _linked;

    public IdleWatchdog(TimeSpan timeout, TimeProvider time, CancellationToken callerToken)
    {
        _timeout = timeout;
        _idle = new CancellationTokenSource(Timeout.InfiniteTimeSpan, time);
        _linked = CancellationTokenSource.CreateLinkedTokenSource(callerToken, _idle.Token);
        _idle.CancelAfter(timeout);
    }

    public CancellationToken Token => _linked.Token;

    /// <summary>Progress was made: the idle period starts again.</summary>
    public void Reset() => _idle.CancelAfter(_timeout);

    public void Dispose()
    {
        _linked.Dispose();
        _idle.Dispose();
    }
}
