using System.Collections.Concurrent;
using System.Net.WebSockets;
using SharpClaw.Protocol.Events;
using SharpClaw.Protocol.Frames;

namespace SharpClaw.Gateway.Connections;

/// <summary>All live sockets; scoped, sequenced broadcasts; per-IP pre-auth budget.</summary>
public sealed class ConnectionRegistry
{
    private readonly ConcurrentDictionary<string, GatewayConnection> _all = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int> _preAuthByIp = new(StringComparer.Ordinal);

    public event Action? Changed;

    public int Count => _all.Count;

    public IEnumerable<GatewayConnection> Authenticated => _all.Values.Where(c => c.IsAuthenticated);

    public IEnumerable<GatewayConnection> All => _all.Values;

    /// <summary>Reserves a pre-auth slot for the IP; false when the IP already has the maximum.</summary>
    public bool TryReservePreAuth(string ipKey, int max)
    {
        while (true)
        {
            var current = _preAuthByIp.GetOrAdd(ipKey, 0);
            if (current >= max)
            {
                return false;
            }

            if (_preAuthByIp.TryUpdate(ipKey, current + 1, current))
            {
                return true;
            }
        }
    }

    public void ReleasePreAuth(string ipKey)
    {
        _preAuthByIp.AddOrUpdate(ipKey, 0, (_, v) => Math.Max(0, v - 1));
        if (_preAuthByIp.TryGetValue(ipKey, out var left) && left == 0)
        {
            ((ICollection<KeyValuePair<string, int>>)_preAuthByIp).Remove(new KeyValuePair<string, int>(ipKey, 0));
        }
    }

    public void Add(GatewayConnection connection) => _all[connection.ConnId] = connection;

    public void OnAuthenticated() => Changed?.Invoke();

    public void Remove(GatewayConnection connection)
    {
        if (_all.TryRemove(connection.ConnId, out _) && connection.IsAuthenticated)
        {
            Changed?.Invoke();
        }
    }

    /// <summary>
    /// Sends an event to every authenticated socket allowed to see it (unknown events go nowhere). Session-keyed
    /// events pass <paramref name="sessionKey"/> so sockets with <c>session-scoped-events</c> get only their sessions'.
    /// </summary>
    public void Broadcast(string eventName, JsonPayload payload, StateVersion? stateVersion = null, bool dropIfSlow = false, Func<GatewayConnection, bool>? filter = null, string? sessionKey = null)
    {
        var scope = EventNames.RequiredScope(eventName);
        if (scope is null)
        {
            return;
        }

        JsonPayload? serialized = null; // once for all recipients, and not at all when nobody receives it
        foreach (var (_, c) in _all) // enumerating the dictionary itself takes no lock and copies nothing, unlike .Values
        {
            if (c.Identity is not { } id || !c.IsOpen)
            {
                continue;
            }

            if (scope.Length > 0 && (id.Role != "operator" || !c.HasScope(scope)))
            {
                continue;
            }

            if (!c.WantsSessionEvent(eventName, sessionKey) || (filter is not null && !filter(c)))
            {
                continue;
            }

            serialized ??= FrameWriter.Serialized(payload);
            c.SendEvent(eventName, serialized.Value, stateVersion, dropIfSlow);
        }
    }

    /// <summary>Closes every socket of a device (optionally one role) with 4001.</summary>
    public async Task CloseDeviceAsync(string deviceId, string? role, string reason)
    {
        var targets = _all.Values.Where(c => c.Identity?.DeviceId == deviceId && (role is null || c.Identity.Role == role)).ToList();
        await Task.WhenAll(targets.Select(c => c.CloseAsync((WebSocketCloseStatus)4001, reason)));
    }

    public async Task CloseAllAsync(WebSocketCloseStatus status, string reason)
    {
        await Task.WhenAll(_all.Values.Select(c => c.CloseAsync(status, reason)));
    }
}
