using SharpClaw.Protocol.Auth;

namespace SharpClaw.Protocol.Events;

/// <summary>Server event names and the scope a socket needs to receive each (ws-protocol §7.2).</summary>
public static class EventNames
{
    public const string ConnectChallenge = "connect.challenge";
    public const string Tick = "tick";
    public const string Health = "health";
    public const string Presence = "presence";
    public const string Shutdown = "shutdown";
    public const string ConfigChanged = "config.changed";
    public const string DevicePairRequested = "device.pair.requested";
    public const string DevicePairResolved = "device.pair.resolved";
    public const string DevicePairChanged = "device.pair.changed";
    public const string Heartbeat = "heartbeat";

    /// <summary>Returns the required scope; empty string for unscoped events; null for unknown events (never delivered).</summary>
    public static string? RequiredScope(string eventName) => eventName switch
    {
        Tick or Health or Heartbeat or Shutdown or "gateway.suspension" or "update.available" => string.Empty,
        "agent" or "chat" or Presence or ConfigChanged or "cron" or "sessions.changed" or "session.message" or "session.tool"
            or "session.operation" or "talk.event" or "skills.changed" or "node.presence" or "chat.side_result" => OperatorScopes.Read,
        "exec.approval.requested" or "exec.approval.resolved" or "plugin.approval.requested" or "plugin.approval.resolved" => OperatorScopes.Approvals,
        DevicePairRequested or DevicePairResolved or DevicePairChanged or "node.pair.requested" or "node.pair.resolved" => OperatorScopes.Pairing,
        "talk.mode" or "talk.voice.change" => OperatorScopes.Talk,
        "update.run.changed" => OperatorScopes.Admin,
        _ => null,
    };

    /// <summary>Events we advertise in <c>hello-ok.features.events</c>.</summary>
    public static readonly IReadOnlyList<string> Advertised =
    [
        ConnectChallenge, Tick, Health, Presence, Shutdown, Heartbeat, DevicePairRequested, DevicePairResolved, DevicePairChanged,
        "exec.approval.requested", "exec.approval.resolved",
    ];
}
