using System.Text.Json.Nodes;
using SharpClaw.Gateway.Hosting;
using SharpClaw.Gateway.Tests.Infrastructure;

namespace SharpClaw.Gateway.Tests.Tools;

/// <summary>The policy pipeline decides which tools an agent turn gets: a denied tool is not callable.</summary>
public sealed class ToolPolicyWiringTests
{
    [Fact]
    public async Task DeniedToolIsNotOfferedAndCannotBeCalled()
    {
        var model = new ScriptedModelInvoker();
        model.Enqueue(new ScriptedReply([]) { ToolCalls = [("exec", new Dictionary<string, object?> { ["command"] = "touch ran.txt" })] });
        model.Enqueue(new ScriptedReply(["ok"]));
        var config = (JsonObject)JsonNode.Parse("""{"tools":{"profile":"coding","deny":["group:runtime"]}}""")!;
        await using var gw = await TestGateway.StartAsync(config, o => new GatewayHostOptions { Paths = o.Paths, Port = 0, Token = TestGateway.Token, Console = o.Console, Environment = o.Environment, ModelInvoker = model });
        await using var client = await gw.ConnectAdminAsync();
        var wait = await client.CallAsync("agent.wait", new JsonObject { ["message"] = "run it", ["idempotencyKey"] = "pol-1", ["timeoutMs"] = 30000 });
        Assert.Equal("ok", (string)wait.Payload!["reply"]!);
        var history = await client.CallAsync("chat.history", new JsonObject { ["sessionKey"] = "main" });
        var toolResult = history.Payload!["messages"]!.AsArray().Single(m => (string?)m!["role"] == "toolResult")!;
        var text = (string)toolResult["content"]![0]!["text"]!;
        Assert.StartsWith("unknown tool: exec", text, StringComparison.Ordinal);
        Assert.Contains("read", text, StringComparison.Ordinal);
        Assert.DoesNotContain("process", text, StringComparison.Ordinal);
        Assert.DoesNotContain("message", text, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(gw.StateDir, "workspace", "ran.txt")));
        var system = model.Calls.First().First(m => m.Role == Microsoft.Extensions.AI.ChatRole.System).Text;
        var listed = system.Split('\n').Where(l => l.StartsWith("- ", StringComparison.Ordinal)).Select(l => l[2..].Split(':')[0]).ToList();
        Assert.Contains("read", listed);
        Assert.Contains("sessions_spawn", listed);
        Assert.DoesNotContain("exec", listed);
        Assert.DoesNotContain("gateway", listed);
    }
}
