using System.Text.Json.Nodes;
using SharpClaw.Agents.Runs;
using SharpClaw.Agents.Sessions;

namespace SharpClaw.Agents.Tools.Sessions;

/// <summary>
/// <c>sessions_send(session_key, message, timeout_seconds?)</c>: runs the message in another session (agent-to-agent).
/// Sending to another agent needs <c>tools.agentToAgent.enabled</c>; sending to the own session is refused (it would
/// wait on itself). With a timeout the reply is returned, otherwise the run is only started.
/// </summary>
public sealed class SessionsSendTool(SessionToolHost host) : RefusingTool
{
    public const int MaxMessageChars = 100_000;

    public override string Name => "sessions_send";

    public override string Description => "Send a message to another session; it runs there as a user turn. Set timeout_seconds to wait for the reply.";

    public override JsonObject ParametersSchema => Schema(["session_key", "message"],
        ("session_key", "string", "target session key"),
        ("message", "string", "what to send"),
        ("timeout_seconds", "integer", "wait up to this long for the reply (0 = do not wait; max 300)"));

    protected override async Task<ToolResult> RunAsync(JsonObject args, ToolContext context, CancellationToken ct)
    {
        var target = ToolArgs.RequiredString(args, "session_key", "sessionKey");
        var message = ToolArgs.RequiredString(args, "message");
        if (message.Length > MaxMessageChars)
        {
            throw new ToolArgumentException($"message is longer than {MaxMessageChars} characters");
        }

        var wait = (int)(ToolArgs.Long(args, "timeout_seconds", 0, 300) ?? 0);
        string key;
        try
        {
            key = SessionKey.Resolve(target, context.AgentId);
        }
        catch (ArgumentException ex)
        {
            throw new ToolArgumentException(ex.Message);
        }

        if (key == context.SessionKey)
        {
            throw new ToolRefusedException("sessions_send cannot target the current session; answer directly instead");
        }

        var agent = SessionKey.AgentOf(key);
        if (agent != context.AgentId && (bool?)host.Config()?["tools"]?["agentToAgent"]?["enabled"] != true)
        {
            throw new ToolRefusedException($"sending to agent \"{agent}\" needs tools.agentToAgent.enabled=true (agent-to-agent messaging is off)");
        }

        var (run, _) = host.Runtime.Start(new AgentRunRequest
        {
            RunId = Guid.NewGuid().ToString(),
            AgentId = agent,
            SessionKey = key,
            Message = $"[Message from session {context.SessionKey}]\n{message}",
        });
        var result = new JsonObject { ["ok"] = true, ["sessionKey"] = key, ["runId"] = run.RunId, ["status"] = "accepted" };
        if (wait > 0)
        {
            try
            {
                var done = await run.Completion.WaitAsync(TimeSpan.FromSeconds(wait), host.Time, ct);
                result["status"] = done.Status;
                result["reply"] = done.Text;
            }
            catch (TimeoutException)
            {
                result["status"] = "timeout";
            }
        }

        return Ok(result.ToJsonString(), result);
    }
}
