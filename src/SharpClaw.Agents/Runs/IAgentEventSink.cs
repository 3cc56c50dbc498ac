using System.Text.Json.Nodes;

namespace SharpClaw.Agents.Runs;

/// <summary>Where run events go (the gateway broadcasts them as <c>agent</c> and <c>chat</c> events).</summary>
public interface IAgentEventSink
{
    /// <param name="eventName"><c>agent</c> or <c>chat</c>.</param>
    /// <param name="payload">The event payload (already carrying runId, per-run seq, sessionKey).</param>
    /// <param name="dropIfSlow">Chat deltas may be dropped for slow consumers.</param>
    void Publish(string eventName, JsonObject payload, bool dropIfSlow);
}
