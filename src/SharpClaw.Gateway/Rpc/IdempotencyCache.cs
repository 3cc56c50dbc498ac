using System.Collections.Concurrent;

namespace SharpClaw.Gateway.Rpc;

/// <summary>
/// Remembers the outcome of side-effecting requests per idempotency key for 5 minutes (at most 1,000 keys),
/// so a retried request replays the first outcome instead of running again.
/// </summary>
public sealed class IdempotencyCache(TimeProvider time, long ttlMs = Protocol.ProtocolConstants.DedupeTtlMs, int max = Protocol.ProtocolConstants.DedupeMax)
{
    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);

    /// <summary>Returns the existing run for the key, or starts <paramref name="run"/> and remembers it.</summary>
    public Task<RpcOutcome> GetOrRunAsync(string key, Func<Task<RpcOutcome>> run)
    {
        var now = time.GetUtcNow().ToUnixTimeMilliseconds();
        if (_entries.TryGetValue(key, out var existing) && existing.ExpiresAtMs > now)
        {
            return existing.Outcome;
        }

        if (_entries.Count >= max)
        {
            Evict(now);
        }

        var entry = new Entry(now + ttlMs, new Lazy<Task<RpcOutcome>>(run));
        var stored = _entries.AddOrUpdate(key, entry, (_, old) => old.ExpiresAtMs > now ? old : entry);
        return stored.Outcome;
    }

    private void Evict(long now)
    {
        foreach (var (k, e) in _entries)
        {
            if (e.ExpiresAtMs <= now)
            {
                _entries.TryRemove(k, out _);
            }
        }

        foreach (var (k, _) in _entries.OrderBy(kv => kv.Value.ExpiresAtMs).Take(Math.Max(0, _entries.Count - max + 1)))
        {
            _entries.TryRemove(k, out _);
        }
    }

    private sealed record Entry(long ExpiresAtMs, Lazy<Task<RpcOutcome>> Run)
    {
        public Task<RpcOutcome> Outcome => Run.Value;
    }
}
