using System.Collections.Concurrent;

namespace SharpClaw.Gateway.Agents;

/// <summary>System events (from <c>wake</c>, hooks, cron) waiting for a session's next turn.</summary>
public sealed class SystemEventQueue
{
    private const int MaxPerSession = 100;
    private readonly ConcurrentDictionary<string, ConcurrentQueue<SystemEvent>> _queues = new(StringComparer.Ordinal);

    public void Enqueue(string sessionKey, SystemEvent evt)
    {
        var q = _queues.GetOrAdd(sessionKey, _ => new ConcurrentQueue<SystemEvent>());
        q.Enqueue(evt);
        while (q.Count > MaxPerSession && q.TryDequeue(out _))
        {
        }
    }

    public IReadOnlyList<SystemEvent> Peek(string sessionKey) => _queues.TryGetValue(sessionKey, out var q) ? [.. q] : [];

    public IReadOnlyList<SystemEvent> Drain(string sessionKey)
    {
        var list = new List<SystemEvent>();
        if (_queues.TryGetValue(sessionKey, out var q))
        {
            while (q.TryDequeue(out var e))
            {
                list.Add(e);
            }
        }

        return list;
    }
}
