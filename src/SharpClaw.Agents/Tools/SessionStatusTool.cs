using System.Text.Json.Nodes;
using SharpClaw.Agents.Sessions;

namespace SharpClaw.Agents.Tools;

/// <summary><c>session_status()</c> → <c>{sessionKey, agentId, model, tokens, compactionCount}</c>.</summary>
public sealed class SessionStatusTool(SessionStore sessions) : IAgentTool
{
    public string Name => "session_status";

    public string Description => "Show this session's key, agent, model, token counts and compaction count.";

    public JsonObject ParametersSchema => new() { ["type"] = "object", ["properties"] = new JsonObject(), ["additionalProperties"] = false };

    public async Task<ToolResult> InvokeAsync(ToolInvocation invocation, CancellationToken cancellationToken)
    {
        var session = await sessions.GetAsync(invocation.Context.SessionKey, cancellationToken);
        var result = new JsonObject
        {
            ["sessionKey"] = invocation.Context.SessionKey,
            ["agentId"] = invocation.Context.AgentId,
            ["model"] = session?.ModelProvider is { } p ? $"{p}/{session.Model}" : session?.Model,
            ["tokens"] = new JsonObject
            {
                ["input"] = session?.InputTokens ?? 0,
                ["output"] = session?.OutputTokens ?? 0,
                ["total"] = (session?.InputTokens ?? 0) + (session?.OutputTokens ?? 0),
            },
            ["compactionCount"] = session?.CompactionCount ?? 0,
        };
        return new ToolResult(result.ToJsonString(), false, result);
    }
}
