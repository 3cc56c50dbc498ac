using System.Text.Json.Nodes;
using SharpClaw.Agents.Runs;
using SharpClaw.Gateway.Hosting;

namespace SharpClaw.Cli.Commands;

/// <summary><c>sharpclaw agent --local</c>: runs one turn in this process with the same runtime the gateway uses.</summary>
public static class LocalAgent
{
    public static async Task<int> RunAsync(CliEnvironment env, JsonObject request, bool json, CancellationToken ct)
    {
        await using var host = await LocalAgentHost.CreateAsync(env.Paths, env.Env, env.Time, ct);
        var printed = false;
        host.Events += (name, payload) =>
        {
            if (!json && name == "chat" && (string?)payload["state"] == "delta")
            {
                env.Out.Write((string?)payload["deltaText"]);
                printed = true;
            }
        };
        var result = await host.RunAsync(new AgentRunRequest
        {
            RunId = (string)request["idempotencyKey"]!,
            Message = (string)request["message"]!,
            AgentId = (string?)request["agentId"],
            SessionKey = (string?)request["sessionKey"],
            Thinking = (string?)request["thinking"],
            Channel = "cli",
        }, ct);
        if (json)
        {
            Output.Json(env, new JsonObject { ["status"] = result.Status, ["text"] = result.Text, ["error"] = result.Error });
        }
        else if (!printed)
        {
            await env.Out.WriteLineAsync(result.Status == "ok" ? result.Text : result.Error);
        }
        else
        {
            await env.Out.WriteLineAsync();
        }

        if (result.Status != "ok" && !json)
        {
            await env.Error.WriteLineAsync($"error: {result.Error}");
        }

        return result.Status == "ok" ? 0 : 1;
    }
}
