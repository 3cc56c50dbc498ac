namespace SharpClaw.Protocol.Events;

/// <summary>
/// The <c>session-scoped-events</c> client capability (ws-protocol §4.2.1): a connection that declares it
/// receives these session-keyed events only for sessions it subscribed to with <c>sessions.messages.subscribe</c>.
/// </summary>
public static class SessionScopedEvents
{
    public const string Capability = "session-scoped-events";

    public static bool Applies(string eventName) => eventName is "agent" or "chat" or "session.tool" or "session.observer" or "chat.side_result";
}
