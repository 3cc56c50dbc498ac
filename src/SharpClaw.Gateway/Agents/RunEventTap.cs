using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using SharpClaw.Agents.Runs;

namespace SharpClaw.Gateway.Agents;

/// <summary>
/// Passes run events on to the broadcast sink and also to in-process listeners of one run id (the HTTP
/// APIs stream a run's deltas this way). Subscribe before starting the run so no event is missed.
/// </summary>
public sealed class RunEventTap(IAgentEventSink inner) : IAgentEventSink
{
    private readonly ConcurrentDictionary<string, Action<string, JsonObject>> _listeners = new(StringComparer.Ordinal);

    public void Publish(string eventName, JsonObject payload, bool dropIfSlow)
    {
        if ((string?)payload["runId"] is { } runId && _listeners.TryGetValue(runId, out var listener))
        {
            listener(eventName, payload);
        }

        inner.Publish(eventName, payload, dropIfSlow);
    }

    /// <summary>Calls <paramref name="listener"/> with every event of <paramref name="runId"/> until disposed.</summary>
    public IDisposable Subscribe(string runId, Action<string, JsonObject> listener)
    {
        _listeners[runId] = listener;
        return new Subscription(this, runId);
    }

    private sealed class Subscription(RunEventTap tap, string runId) : IDisposable
    {
        public void Dispose() => tap._listeners.TryRemove(runId, out _);
    }
}
