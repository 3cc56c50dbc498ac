using System.Text.Json.Nodes;

namespace SharpClaw.Agents.Tools.Sessions;

/// <summary>The plain text of a transcript message (string content or the text parts of a content array).</summary>
internal static class SessionText
{
    public static string Of(JsonObject message) => message["content"] switch
    {
        JsonValue v when v.TryGetValue<string>(out var s) => s,
        JsonArray parts => string.Concat(parts.OfType<JsonObject>().Where(p => (string?)p["type"] == "text").Select(p => (string?)p["text"])),
        _ => string.Empty,
    };
}
