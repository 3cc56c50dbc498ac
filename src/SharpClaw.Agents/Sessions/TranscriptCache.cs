namespace SharpClaw.Agents.Sessions;

/// <summary>
/// Parsed transcript events of recently used sessions, so a turn does not re-read and re-parse the whole
/// transcript. The database stays the source of truth: a reader asks it for rows past the cached
/// <see cref="CachedTranscript.LastSeq"/> (an index lookup), so writes from another process are picked up.
/// Bounded: the least recently used session is dropped beyond <c>capacity</c>.
/// </summary>
internal sealed class TranscriptCache(int capacity)
{
    private readonly Dictionary<string, CachedTranscript> _entries = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();
    private long _clock;

    public CachedTranscript GetOrAdd(string sessionId)
    {
        lock (_gate)
        {
            if (!_entries.TryGetValue(sessionId, out var entry))
            {
                if (_entries.Count >= capacity)
                {
                    var oldest = _entries.MinBy(e => e.Value.LastUsed).Key;
                    _entries.Remove(oldest);
                }

                entry = new CachedTranscript();
                _entries[sessionId] = entry;
            }

            entry.LastUsed = ++_clock;
            return entry;
        }
    }

    public CachedTranscript? TryGet(string sessionId)
    {
        lock (_gate)
        {
            return _entries.GetValueOrDefault(sessionId);
        }
    }

    public void Remove(string sessionId)
    {
        lock (_gate)
        {
            _entries.Remove(sessionId);
        }
    }
}
