using System.Text.Json.Nodes;

namespace SharpClaw.Agents.Tools.Sessions;

/// <summary><c>sessions_list(filter?: {agentId?, channel?, status?}, limit?)</c> → session summaries, most recent first.</summary>
public sealed class SessionsListTool(SessionToolHost host) : RefusingTool
{
    public override string Name => "sessions_list";

    public override string Description => "List conversation sessions (key, agent, label, model, status, last update). Optional filter {agentId, channel, status}.";

    public override JsonObject ParametersSchema
    {
        get
        {
            var s = Schema([], ("limit", "integer", "maximum sessions (default 50, max 200)"));
            s["properties"]!["filter"] = new JsonObject { ["type"] = "object", ["properties"] = new JsonObject { ["agentId"] = new JsonObject { ["type"] = "string" }, ["channel"] = new JsonObject { ["type"] = "string" }, ["status"] = new JsonObject { ["type"] = "string" } } };
            return s;
        }
    }

    protected override async Task<ToolResult> RunAsync(JsonObject args, ToolContext context, CancellationToken ct)
    {
        var filter = args["filter"] as JsonObject ?? [];
        var limit = (int)(ToolArgs.Long(args, "limit", 1, 200) ?? 50);
        var agentId = ToolArgs.String(filter, "agentId");
        var channel = ToolArgs.String(filter, "channel");
        var status = ToolArgs.String(filter, "status");
        var rows = new JsonArray();
        foreach (var s in (await host.Sessions.ListAsync(agentId, 500, 0, ct)).OrderByDescending(s => s.UpdatedAtMs))
        {
            if ((channel is not null && (string?)s.Entry["channel"] != channel) || (status is not null && (string?)s.Entry["status"] != status))
            {
                continue;
            }

            rows.Add((JsonNode)new JsonObject
            {
                ["sessionKey"] = s.Key,
                ["agentId"] = s.AgentId,
                ["label"] = s.Label,
                ["model"] = s.Model,
                ["status"] = (string?)s.Entry["status"],
                ["updatedAt"] = s.UpdatedAtMs,
                ["current"] = s.Key == context.SessionKey,
            });
            if (rows.Count >= limit)
            {
                break;
            }
        }

        var result = new JsonObject { ["sessions"] = rows, ["count"] = rows.Count };
        return Ok(result.ToJsonString(), result);
    }
}
