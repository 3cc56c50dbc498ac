namespace SharpClaw.Agents.Runs;

/// <summary>
/// One run at a time per session, in arrival order (followup queueing): each run waits for the previous
/// run of its session to end, so two runs never interleave in one transcript.
/// </summary>
public sealed class SessionLanes
{
    private readonly Dictionary<string, Task> _tails = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();

    /// <summary>Schedules <paramref name="work"/> after every earlier run of the session.</summary>
    public Task RunAsync(string sessionKey, Func<Task> work)
    {
        lock (_lock)
        {
            var previous = _tails.GetValueOrDefault(sessionKey) ?? Task.CompletedTask;
            var next = ChainAsync(previous, work);
            _tails[sessionKey] = next;
            _ = next.ContinueWith(
                t =>
                {
                    lock (_lock)
                    {
                        if (_tails.TryGetValue(sessionKey, out var tail) && tail == t)
                        {
                            _tails.Remove(sessionKey);
                        }
                    }
                },
                CancellationToken.None,
                TaskContinuationOptions.ExecuteSynchronously,
                TaskScheduler.Default);
            return next;
        }
    }

    public int ActiveSessions
    {
        get
        {
            lock (_lock)
            {
                return _tails.Count;
            }
        }
    }

    private static async Task ChainAsync(Task previous, Func<Task> work)
    {
        try
        {
            await previous;
        }
        catch (Exception)
        {
            // A failed earlier run must not block the lane.
        }

        await work();
    }
}
