using System.Collections.Concurrent;

namespace SharpClaw.Gateway.Auth;

/// <summary>
/// Failed-authentication limiter: a sliding window of failures per {scope, client key}. Remote clients are
/// locked out after <c>MaxAttempts</c> failures within <c>WindowMs</c> for <c>LockoutMs</c>; loopback clients
/// (when exempt) instead get an escalating delay (250 ms doubling to 5 s). Success resets the scope.
/// Bounded: at most 10,000 keys, oldest pruned.
/// </summary>
public sealed class AuthRateLimiter(TimeProvider time, Func<RateLimitSettings> settings)
{
    private const int MaxKeys = 10_000;
    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);

    /// <summary>Returns the milliseconds the client must wait when it is locked out, else null.</summary>
    public long? CheckLockout(string scope, string clientKey, bool loopbackExempt)
    {
        if (loopbackExempt && settings().ExemptLoopback)
        {
            return null;
        }

        if (!_entries.TryGetValue(Key(scope, clientKey), out var entry))
        {
            return null;
        }

        lock (entry)
        {
            var now = time.GetUtcNow().ToUnixTimeMilliseconds();
            return entry.LockedUntilMs > now ? entry.LockedUntilMs - now : null;
        }
    }

    /// <summary>Records a failure; returns the delay (ms) to apply before answering a loopback client.</summary>
    public long RecordFailure(string scope, string clientKey, bool loopbackExempt)
    {
        var s = settings();
        var now = time.GetUtcNow().ToUnixTimeMilliseconds();
        if (_entries.Count >= MaxKeys)
        {
            Prune(now, s);
        }

        var entry = _entries.GetOrAdd(Key(scope, clientKey), _ => new Entry());
        lock (entry)
        {
            entry.Failures.Enqueue(now);
            while (entry.Failures.Count > 0 && entry.Failures.Peek() <= now - s.WindowMs)
            {
                entry.Failures.Dequeue();
            }

            if (loopbackExempt && s.ExemptLoopback)
            {
                entry.LoopbackStreak++;
                return Math.Min(5_000, 250L << Math.Min(entry.LoopbackStreak - 1, 5));
            }

            if (entry.Failures.Count >= s.MaxAttempts)
            {
                entry.LockedUntilMs = now + s.LockoutMs;
                entry.Failures.Clear();
            }

            return 0;
        }
    }

    public void Reset(string scope, string clientKey) => _entries.TryRemove(Key(scope, clientKey), out _);

    private static string Key(string scope, string clientKey) => scope + "|" + clientKey;

    private void Prune(long now, RateLimitSettings s)
    {
        foreach (var (key, entry) in _entries)
        {
            lock (entry)
            {
                var last = entry.Failures.Count > 0 ? entry.Failures.Last() : 0;
                if (entry.LockedUntilMs < now && last < now - s.WindowMs)
                {
                    _entries.TryRemove(key, out _);
                }
            }
        }
    }

    private sealed class Entry
    {
        public Queue<long> Failures { get; } = new();

        public long LockedUntilMs { get; set; }

        public int LoopbackStreak { get; set; }
    }
}
