namespace SharpClaw.Gateway.Http.Responses;

/// <summary>
/// <c>previous_response_id</c> → session key, kept in memory for 30 minutes (500 entries, oldest evicted). A lookup
/// only succeeds for the same scope (auth subject, agent, session-key header); anything else starts a new session.
/// </summary>
internal sealed class ResponseSessionStore(TimeProvider time)
{
    public const int MaxEntries = 500;
    public static readonly TimeSpan Ttl = TimeSpan.FromMinutes(30);
    private readonly Dictionary<string, (string SessionKey, string Scope, DateTimeOffset At)> _entries = new(StringComparer.Ordinal);
    private readonly Queue<string> _order = new();

    public void Remember(string responseId, string sessionKey, string scope)
    {
        lock (_entries)
        {
            _entries[responseId] = (sessionKey, scope, time.GetUtcNow());
            _order.Enqueue(responseId);
            while (_entries.Count > MaxEntries && _order.TryDequeue(out var oldest))
            {
                _entries.Remove(oldest);
            }
        }
    }

    public string? Find(string responseId, string scope)
    {
        lock (_entries)
        {
            return _entries.TryGetValue(responseId, out var e) && e.Scope == scope && time.GetUtcNow() - e.At < Ttl ? e.SessionKey : null;
        }
    }
}
