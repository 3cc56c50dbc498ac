using SharpClaw.Core.Config.Schema;
using static SharpClaw.Core.Config.Schema.Schemas;

namespace SharpClaw.Core.Config.Sections;

/// <summary><c>messages.*</c>: queueing, inbound debounce, reply decoration.</summary>
internal static class MessagesSection
{
    public static ObjectSchema Build() => Open("message handling",
        ("queue", Open("what happens to messages that arrive during a run",
            ("mode", Str("steer (default), followup, collect or interrupt", @default: "steer")),
            ("cap", Int(null, 1, @default: 20)),
            ("drop", Enum(null, ["summarize", "old", "new"], "summarize")),
            ("debounceMs", Int(null, 0)),
            ("byChannel", Map(Str())))),
        ("inbound", Open(null, ("debounceMs", Int(null, 0)), ("byChannel", Map(Int(null, 0))))),
        ("responsePrefix", Str("prefix for replies (\"auto\" = [name])")),
        ("ackReaction", Str()),
        ("ackReactionScope", Enum(null, ["group-mentions", "group-all", "direct", "all", "off", "none"], "group-mentions")),
        ("visibleReplies", OneOf(null, Enum(null, ["automatic", "message_tool"]), Bool())),
        ("responseUsage", OneOf(null, Enum(null, ["off", "tokens", "full", "on"]), Map(Any()))),
        ("groupChat", Open(null, ("mentionPatterns", Strs()), ("historyLimit", Int(null, 0)))),
        ("tts", Open(null)));
}
