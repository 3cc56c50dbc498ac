using System.Text.Json.Nodes;
using SharpClaw.Agents.Sessions;
using SharpClaw.Agents.Tools;
using SharpClaw.Agents.Tools.Messaging;
using SharpClaw.Gateway.Connections;

namespace SharpClaw.Gateway.Agents;

/// <summary>
/// The built-in <c>webchat</c> channel: <c>to</c> is a session key; the message is appended to that session's
/// transcript as an assistant message and broadcast as a <c>chat</c> final event to connected Control UI/CLI clients.
/// </summary>
public sealed class WebchatChannel(SessionStore sessions, ConnectionRegistry connections, TimeProvider time) : IMessageChannel
{
    public string Id => "webchat";

    public async Task<JsonObject> DeliverAsync(string to, string text, string? media, ToolContext from, CancellationToken cancellationToken)
    {
        string key;
        try
        {
            key = SessionKey.Resolve(to, from.AgentId);
        }
        catch (ArgumentException ex)
        {
            throw new ToolArgumentException(ex.Message);
        }

        var session = await sessions.GetAsync(key, cancellationToken) ?? throw new ToolRefusedException($"webchat: unknown session \"{to}\" (see sessions_list)");
        var now = time.GetUtcNow();
        var content = new JsonArray(new JsonObject { ["type"] = "text", ["text"] = media is null ? text : $"{text}\n\n[media: {media}]" });
        var message = new JsonObject { ["role"] = "assistant", ["content"] = content, ["timestamp"] = now.ToUnixTimeMilliseconds(), ["stopReason"] = "stop" };
        await sessions.AppendAsync(session.SessionId, TranscriptEvents.Message(message, now), CancellationToken.None);
        var recipients = connections.Authenticated.Count(c => c.Identity?.Role == "operator");
        connections.Broadcast("chat", new JsonObject
        {
            ["runId"] = "message-" + Guid.NewGuid().ToString("N")[..12],
            ["sessionKey"] = key,
            ["seq"] = 1,
            ["state"] = "final",
            ["message"] = message.DeepClone(),
        }, sessionKey: key);
        return new JsonObject { ["delivered"] = true, ["channel"] = Id, ["to"] = key, ["recipients"] = recipients };
    }
}
