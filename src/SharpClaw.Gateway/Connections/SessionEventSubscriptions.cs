using System.Collections.Concurrent;

namespace SharpClaw.Gateway.Connections;

/// <summary>
/// The sessions one connection asked to follow (<c>sessions.messages.subscribe</c>), and whether it follows
/// the session list (<c>sessions.subscribe</c>). Bounded so one client cannot grow it without limit.
/// </summary>
public sealed class SessionEventSubscriptions
{
    /// <summary>Most sessions one connection may follow at once.</summary>
    public const int MaxSessions = 1024;

    private readonly ConcurrentDictionary<string, byte> _keys = new(StringComparer.Ordinal);

    public int Count => _keys.Count;

    public bool SessionList { get; set; }

    /// <summary>False when the connection already follows <see cref="MaxSessions"/> other sessions.</summary>
    public bool Add(string sessionKey)
    {
        if (_keys.ContainsKey(sessionKey))
        {
            return true;
        }

        if (_keys.Count >= MaxSessions)
        {
            return false;
        }

        _keys.TryAdd(sessionKey, 0);
        return true;
    }

    public void Remove(string sessionKey) => _keys.TryRemove(sessionKey, out _);

    public bool Contains(string sessionKey) => _keys.ContainsKey(sessionKey);
}
