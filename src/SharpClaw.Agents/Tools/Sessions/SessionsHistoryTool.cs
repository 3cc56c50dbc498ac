using System.Text.Json.Nodes;

namespace SharpClaw.Agents.Tools.Sessions;

/// <summary><c>sessions_history(session_key, limit?)</c> → the last messages of a session (text only, each capped).</summary>
public sealed class SessionsHistoryTool(SessionToolHost host) : RefusingTool
{
    private const int MaxMessageChars = 4000;

    public override string Name => "sessions_history";

    public override string Description => "Read the most recent messages (role and text) of a session by key.";

    public override JsonObject ParametersSchema => Schema(["session_key"],
        ("session_key", "string", "the session key, e.g. agent:main:main"),
        ("limit", "integer", "number of messages (default 20, max 100)"));

    protected override async Task<ToolResult> RunAsync(JsonObject args, ToolContext context, CancellationToken ct)
    {
        var key = ToolArgs.RequiredString(args, "session_key", "sessionKey");
        var limit = (int)(ToolArgs.Long(args, "limit", 1, 100) ?? 20);
        var session = await host.Sessions.GetAsync(key, ct) ?? throw new ToolRefusedException($"unknown session key \"{key}\" (see sessions_list)");
        var messages = new List<JsonObject>();
        foreach (var e in await host.Sessions.ReadEventsAsync(session.SessionId, ct))
        {
            if ((string?)e["type"] == "message" && e["message"] is JsonObject m)
            {
                var text = SessionText.Of(m);
                messages.Add(new JsonObject
                {
                    ["role"] = (string?)m["role"],
                    ["text"] = text.Length > MaxMessageChars ? text[..MaxMessageChars] + "…[truncated]" : text,
                    ["timestamp"] = m["timestamp"]?.DeepClone(),
                });
            }
        }

        var result = new JsonObject { ["sessionKey"] = key, ["messages"] = new JsonArray([.. messages.TakeLast(limit)]) };
        return Ok(result.ToJsonString(), result);
    }
}
