using System.Collections.Concurrent;

namespace SharpClaw.Gateway.Rpc;

/// <summary>Config writes: at most 3 per 60 s per device (or IP), shared across config.set/patch/apply.</summary>
public sealed class ControlPlaneRateLimiter(TimeProvider time, int limit = 3, long windowMs = 60_000)
{
    private const int MaxKeys = 10_000;
    private readonly ConcurrentDictionary<string, Queue<long>> _windows = new(StringComparer.Ordinal);

    public int Limit => limit;

    public long WindowMs => windowMs;

    /// <summary>Returns null when allowed (and counts it), else the ms until the next slot.</summary>
    public long? TryAcquire(string key)
    {
        var now = time.GetUtcNow().ToUnixTimeMilliseconds();
        if (_windows.Count > MaxKeys)
        {
            _windows.Clear();
        }

        var q = _windows.GetOrAdd(key, _ => new Queue<long>());
        lock (q)
        {
            while (q.Count > 0 && q.Peek() <= now - windowMs)
            {
                q.Dequeue();
            }

            if (q.Count >= limit)
            {
                return q.Peek() + windowMs - now;
            }

            q.Enqueue(now);
            return null;
        }
    }
}
