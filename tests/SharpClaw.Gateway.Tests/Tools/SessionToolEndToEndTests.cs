using System.Text.Json.Nodes;
using Microsoft.Extensions.AI;
using SharpClaw.Gateway.Hosting;
using SharpClaw.Gateway.Tests.Infrastructure;

namespace SharpClaw.Gateway.Tests.Tools;

/// <summary>Sub-agents spawned through the real runtime report back; the message tool reaches webchat clients.</summary>
public sealed class SessionToolEndToEndTests
{
    private static Task<TestGateway> StartAsync(SharpClaw.Agents.Runs.IModelInvoker model)
        => TestGateway.StartAsync(configure: o => new GatewayHostOptions { Paths = o.Paths, Port = 0, Token = TestGateway.Token, Console = o.Console, Environment = o.Environment, ModelInvoker = model });

    private static string LastUserText(IList<ChatMessage> messages) => messages.LastOrDefault(m => m.Role == ChatRole.User)?.Text ?? string.Empty;

    [Fact]
    public async Task SpawnedSubagentFinishesAndItsResultIsAnnouncedToTheParent()
    {
        var model = new RoutingModelInvoker(messages =>
        {
            var system = messages.FirstOrDefault(m => m.Role == ChatRole.System)?.Text ?? string.Empty;
            var lastIsTool = messages[^1].Role == ChatRole.Tool;
            if (system.Contains("You are a sub-agent", StringComparison.Ordinal))
            {
                return new ScriptedReply(["the answer is 42"]);
            }

            if (LastUserText(messages).StartsWith("[Sub-agent", StringComparison.Ordinal))
            {
                return new ScriptedReply(["parent received: " + LastUserText(messages).Split('\n').Last()]);
            }

            return lastIsTool
                ? new ScriptedReply(["spawned"])
                : new ScriptedReply([]) { ToolCalls = [("sessions_spawn", new Dictionary<string, object?> { ["task"] = "compute the answer" })] };
        });
        await using var gw = await StartAsync(model);
        await using var client = await gw.ConnectAdminAsync();
        var wait = await client.CallAsync("agent.wait", new JsonObject { ["message"] = "delegate it", ["idempotencyKey"] = "spawn-1", ["timeoutMs"] = 30000 });
        Assert.Equal("spawned", (string)wait.Payload!["reply"]!);

        string? announced = null;
        for (var i = 0; i < 100 && announced is null; i++)
        {
            var history = await client.CallAsync("chat.history", new JsonObject { ["sessionKey"] = "main" });
            announced = history.Payload!["messages"]!.AsArray()
                .Select(m => m!["content"] is JsonArray parts ? string.Concat(parts.Select(p => (string?)p!["text"])) : (string?)m!["content"])
                .FirstOrDefault(t => t?.StartsWith("parent received:", StringComparison.Ordinal) == true);
            if (announced is null)
            {
                await Task.Delay(100, TestContext.Current.CancellationToken);
            }
        }

        Assert.Equal("parent received: the answer is 42", announced);
        var sessions = await client.CallAsync("sessions.list");
        Assert.Contains(sessions.Payload!["sessions"]!.AsArray(), s => ((string?)s!["key"])?.StartsWith("agent:main:subagent:", StringComparison.Ordinal) == true);
    }

    [Fact]
    public async Task MessageToolDeliversToWebchatClients()
    {
        var model = new RoutingModelInvoker(messages => messages[^1].Role == ChatRole.Tool
            ? new ScriptedReply(["sent"])
            : new ScriptedReply([]) { ToolCalls = [("message", new Dictionary<string, object?> { ["channel"] = "webchat", ["to"] = "agent:main:main", ["text"] = "ping from the agent" })] });
        await using var gw = await StartAsync(model);
        await using var runner = await gw.ConnectAdminAsync();
        await using var watcher = await gw.ConnectAdminAsync();
        var wait = await runner.CallAsync("agent.wait", new JsonObject { ["message"] = "notify", ["idempotencyKey"] = "msg-1", ["timeoutMs"] = 30000 });
        Assert.Equal("sent", (string)wait.Payload!["reply"]!);
        while (true)
        {
            var chat = await watcher.EventAsync("chat");
            if ((string?)chat.Payload!["runId"] is { } id && id.StartsWith("message-", StringComparison.Ordinal))
            {
                Assert.Equal("ping from the agent", (string)chat.Payload!["message"]!["content"]![0]!["text"]!);
                break;
            }
        }
    }
}
