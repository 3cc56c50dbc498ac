namespace SharpClaw.Core.State;

/// <summary>
/// Serialises this process's write transactions on the state database. SQLite allows one writer at a time and a
/// blocked writer backs off by sleeping (milliseconds at a time); queueing writers here instead keeps concurrent
/// sessions from paying those sleeps. Another process on the same file still meets SQLite's own busy timeout.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001", Justification = "A SemaphoreSlim whose AvailableWaitHandle is never used holds no OS handle; the gate lives as long as the database.")]
public sealed class WriteGate
{
    private readonly SemaphoreSlim _semaphore = new(1, 1);

    public async ValueTask<Releaser> EnterAsync(CancellationToken cancellationToken = default)
    {
        await _semaphore.WaitAsync(cancellationToken);
        return new Releaser(_semaphore);
    }

    /// <summary>
    /// The synchronous twin of <see cref="EnterAsync"/>, for the rare writers that cannot await (they hold a lock);
    /// every holder of the gate only runs short SQLite transactions, so the wait is brief.
    /// </summary>
    public Releaser Enter()
    {
        _semaphore.Wait();
        return new Releaser(_semaphore);
    }

    /// <summary>Leaves the gate when disposed.</summary>
    public readonly struct Releaser(SemaphoreSlim semaphore) : IDisposable
    {
        public void Dispose() => semaphore.Release();
    }
}
