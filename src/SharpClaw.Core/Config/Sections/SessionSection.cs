using SharpClaw.Core.Config.Schema;
using static SharpClaw.Core.Config.Schema.Schemas;

namespace SharpClaw.Core.Config.Sections;

/// <summary><c>session.*</c>: session scoping, reset policy, store and maintenance.</summary>
internal static class SessionSection
{
    public static ObjectSchema Build() => Open("sessions",
        ("scope", Enum(null, ["per-sender", "global"], "per-sender")),
        ("dmScope", Enum("how direct messages map to sessions", ["main", "per-peer", "per-channel-peer", "per-account-channel-peer"], "main")),
        ("groupScope", Enum(null, ["main", "per-group"], "per-group")),
        ("identityLinks", Map(Strs())),
        ("reset", Reset()),
        ("resetByType", Obj("reset policy per chat type", ("direct", Reset()), ("group", Reset()), ("thread", Reset()))),
        ("resetByChannel", Map(Reset())),
        ("resetTriggers", Strs("commands that start a new session (default /new, /reset)")),
        ("store", Str("session store path (may contain {agentId})")),
        ("mainKey", Str("ignored (the main suffix is always main)")),
        ("sendPolicy", Open(null)),
        ("notifyOnCreate", Bool(null, true)),
        ("threadBindings", Open(null)),
        ("sharing", Open(null)),
        ("maintenance", Open(null, ("mode", Enum(null, ["enforce", "warn"])), ("pruneAfter", Duration()), ("maxEntries", Int(null, 1)))),
        ("agentToAgent", Open(null, ("maxPingPongTurns", Int(null, 0, 5, 5)))));

    private static ObjectSchema Reset() => Open("automatic session reset",
        ("mode", Enum("none (default), daily at atHour, or idle after idleMinutes", ["none", "daily", "idle"])),
        ("atHour", Int("local hour for daily resets", 0, 23, 4)),
        ("idleMinutes", Int(null, 0)));
}
