using System.Text.Json.Nodes;
using SharpClaw.Agents.Runs;
using SharpClaw.Gateway.Connections;

namespace SharpClaw.Gateway.Agents;

/// <summary>
/// Broadcasts run events: <c>agent</c> and <c>chat</c> go to every operator with <c>operator.read</c>; the
/// structured <c>tool</c> stream only to connections that advertised the <c>tool-events</c> capability; sockets with
/// <c>session-scoped-events</c> only for the sessions they subscribed to.
/// </summary>
public sealed class GatewayAgentEventSink(ConnectionRegistry connections) : IAgentEventSink
{
    public void Publish(string eventName, JsonObject payload, bool dropIfSlow)
    {
        Func<GatewayConnection, bool>? filter = null;
        if (eventName == "agent" && (string?)payload["stream"] == "tool")
        {
            filter = c => c.Identity!.Caps.Contains("tool-events");
        }

        connections.Broadcast(eventName, payload, dropIfSlow: dropIfSlow, filter: filter, sessionKey: (string?)payload["sessionKey"]);
    }
}
