using System.Text.Json.Nodes;
using SharpClaw.Agents.Runs;
using SharpClaw.Agents.Sessions;
using SharpClaw.Agents.Tools.Policy;

namespace SharpClaw.Agents.Tools.Sessions;

/// <summary>
/// <c>sessions_spawn(task, model?, agentId?)</c> → <c>{sessionKey, runId}</c>: runs the task in a new
/// <c>…:subagent:&lt;id&gt;</c> session. Limits: <c>agents.defaults.subagents.maxSpawnDepth</c> (default 1) and
/// <c>maxChildrenPerAgent</c> (default 5 running per parent); other agents only via <c>subagents.allowAgents</c>.
/// When the child finishes, its result is announced back to the parent session as a new turn.
/// </summary>
public sealed class SessionsSpawnTool(SessionToolHost host) : RefusingTool
{
    public override string Name => "sessions_spawn";

    public override string Description => "Spawn a sub-agent in its own session to work on a task in the background. Its result is announced back to this session when it finishes.";

    public override JsonObject ParametersSchema => Schema(["task"],
        ("task", "string", "what the sub-agent should do"),
        ("model", "string", "optional provider/model for the sub-agent"),
        ("agentId", "string", "optional agent to run as (must be allowed)"));

    protected override Task<ToolResult> RunAsync(JsonObject args, ToolContext context, CancellationToken ct)
    {
        var task = ToolArgs.RequiredString(args, "task");
        if (task.Length > SessionsSendTool.MaxMessageChars)
        {
            throw new ToolArgumentException($"task is longer than {SessionsSendTool.MaxMessageChars} characters");
        }

        var depth = ToolPolicyPipeline.SubagentDepth(context.SessionKey) + 1;
        if (depth > host.MaxSpawnDepth)
        {
            throw new ToolRefusedException($"sessions_spawn refused: maximum spawn depth {host.MaxSpawnDepth} reached (agents.defaults.subagents.maxSpawnDepth)");
        }

        var running = host.Subagents.Values.Count(s => s.ParentSessionKey == context.SessionKey && s.Status == "running");
        if (running >= host.MaxChildren)
        {
            throw new ToolRefusedException($"sessions_spawn refused: {running} sub-agents are already running for this session (max {host.MaxChildren}, agents.defaults.subagents.maxChildrenPerAgent); wait for one to finish or kill one with subagents");
        }

        var agentId = SessionKey.NormalizeAgentId(ToolArgs.String(args, "agentId") ?? context.AgentId);
        var allowed = host.Config()?["agents"]?["defaults"]?["subagents"]?["allowAgents"] as JsonArray;
        if (agentId != context.AgentId && allowed?.Any(a => (string?)a is "*" || (string?)a == agentId) != true)
        {
            throw new ToolRefusedException($"sessions_spawn refused: agent \"{agentId}\" is not in agents.defaults.subagents.allowAgents");
        }

        var id = Guid.NewGuid().ToString("N")[..12];
        var parentRest = SessionKey.TryParseAgentKey(context.SessionKey, out _, out var rest) && depth > 1 ? rest + ":" : string.Empty;
        var childKey = $"agent:{agentId}:{parentRest}subagent:{id}";
        var (run, _) = host.Runtime.Start(new AgentRunRequest
        {
            RunId = "sub-" + id,
            AgentId = agentId,
            SessionKey = childKey,
            Message = task,
            Model = ToolArgs.String(args, "model"),
            ExtraSystemPrompt = $"You are a sub-agent spawned by session {context.SessionKey}. Do the task and reply with the result; your final reply is announced back to the requester.",
        });
        var record = new SubagentRecord(run.RunId, context.SessionKey, childKey, agentId, task, host.Time.GetUtcNow().ToUnixTimeMilliseconds());
        host.Subagents[run.RunId] = record;
        _ = AnnounceWhenDoneAsync(record, run, context);
        var result = new JsonObject { ["sessionKey"] = childKey, ["runId"] = run.RunId, ["status"] = "accepted" };
        return Task.FromResult(Ok(result.ToJsonString(), result));
    }

    private async Task AnnounceWhenDoneAsync(SubagentRecord record, AgentRun run, ToolContext parent)
    {
        var result = await run.Completion;
        record.Status = result.Status == "ok" ? "done" : result.Status;
        record.Result = result.Text;
        host.Runtime.Start(new AgentRunRequest
        {
            RunId = "announce-" + record.RunId,
            AgentId = parent.AgentId,
            SessionKey = parent.SessionKey,
            Message = $"[Sub-agent {record.RunId} finished: {record.Status}]\nTask: {record.Task}\nResult:\n{(result.Text.Length > 0 ? result.Text : result.Error ?? "(no output)")}",
        });
    }
}
