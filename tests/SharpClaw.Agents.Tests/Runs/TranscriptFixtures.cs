using System.Text.Json.Nodes;
using SharpClaw.Agents.Sessions;

namespace SharpClaw.Agents.Tests.Runs;

/// <summary>Transcript events for the context-building tests.</summary>
internal static class TranscriptFixtures
{
    public static readonly DateTimeOffset T = DateTimeOffset.Parse("2026-11-24T12:00:00Z", System.Globalization.CultureInfo.InvariantCulture);

    public static JsonObject Msg(string role, string text) => TranscriptEvents.Message(new JsonObject
    {
        ["role"] = role,
        ["content"] = role == "user" ? text : new JsonArray(new JsonObject { ["type"] = "text", ["text"] = text }),
    }, T);

    public static JsonObject Call(string id) => TranscriptEvents.Message(new JsonObject
    {
        ["role"] = "assistant",
        ["content"] = new JsonArray(new JsonObject { ["type"] = "toolCall", ["id"] = id, ["name"] = "exec", ["arguments"] = new JsonObject { ["command"] = "ls" } }),
    }, T);

    public static JsonObject Result(string id, string content = "ok") => TranscriptEvents.Message(new JsonObject { ["role"] = "toolResult", ["toolCallId"] = id, ["content"] = content + " " + id }, T);
}
