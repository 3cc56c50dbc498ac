using System.Collections.Concurrent;

namespace SharpClaw.Gateway.Http.Hooks;

/// <summary>
/// Replays of a hook with the same idempotency key and payload within 5 minutes of the first delivery return
/// the first run id instead of starting another run (at most 1,000 remembered keys).
/// </summary>
internal sealed class HookIdempotency(TimeProvider time)
{
    public const long TtlMs = 5 * 60_000;
    private const int MaxEntries = 1000;
    private readonly ConcurrentDictionary<string, (string RunId, long FirstMs)> _seen = new(StringComparer.Ordinal);

    public string? Find(string key)
    {
        var now = time.GetUtcNow().ToUnixTimeMilliseconds();
        return _seen.TryGetValue(key, out var entry) && now - entry.FirstMs < TtlMs ? entry.RunId : null;
    }

    public void Remember(string key, string runId)
    {
        var now = time.GetUtcNow().ToUnixTimeMilliseconds();
        if (_seen.Count >= MaxEntries)
        {
            foreach (var (k, v) in _seen.OrderBy(e => e.Value.FirstMs).Take(_seen.Count - MaxEntries + 1))
            {
                _seen.TryRemove(k, out _);
            }
        }

        _seen[key] = (runId, now);
    }
}
