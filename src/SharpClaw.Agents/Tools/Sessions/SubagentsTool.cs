using System.Text.Json.Nodes;

namespace SharpClaw.Agents.Tools.Sessions;

/// <summary><c>subagents(action: list|kill, runId?)</c> over the sub-agents this session spawned.</summary>
public sealed class SubagentsTool(SessionToolHost host) : RefusingTool
{
    public override string Name => "subagents";

    public override string Description => "List the sub-agents this session spawned, or kill one by runId.";

    public override JsonObject ParametersSchema => Schema(["action"],
        ("action", "string", "list or kill"),
        ("runId", "string", "the sub-agent run to kill"));

    protected override Task<ToolResult> RunAsync(JsonObject args, ToolContext context, CancellationToken ct)
    {
        var action = ToolArgs.RequiredString(args, "action");
        var mine = host.Subagents.Values.Where(s => s.ParentSessionKey == context.SessionKey).OrderBy(s => s.StartedAtMs).ToList();
        switch (action)
        {
            case "list":
                var rows = new JsonArray();
                foreach (var s in mine)
                {
                    rows.Add((JsonNode)new JsonObject { ["runId"] = s.RunId, ["sessionKey"] = s.ChildSessionKey, ["agentId"] = s.AgentId, ["task"] = s.Task, ["status"] = s.Status, ["startedAt"] = s.StartedAtMs });
                }

                var list = new JsonObject { ["subagents"] = rows };
                return Task.FromResult(Ok(list.ToJsonString(), list));
            case "kill":
                var runId = ToolArgs.RequiredString(args, "runId");
                var target = mine.FirstOrDefault(s => s.RunId == runId) ?? throw new ToolRefusedException($"no sub-agent {runId} spawned by this session (see subagents list)");
                var aborted = host.Runtime.Abort(target.ChildSessionKey, runId);
                target.Status = aborted.Count > 0 ? "killed" : target.Status;
                var killed = new JsonObject { ["ok"] = aborted.Count > 0, ["runId"] = runId, ["status"] = target.Status };
                return Task.FromResult(Ok(killed.ToJsonString(), killed));
            default:
                throw new ToolArgumentException($"Unknown action {action} (use list or kill)");
        }
    }
}
