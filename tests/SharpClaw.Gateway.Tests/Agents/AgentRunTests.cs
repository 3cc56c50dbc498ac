using System.Text.Json.Nodes;
using SharpClaw.Gateway.Hosting;
using SharpClaw.Gateway.Tests.Infrastructure;

namespace SharpClaw.Gateway.Tests.Agents;

public sealed class AgentRunTests
{
    private static Task<TestGateway> StartAsync(ScriptedModelInvoker model)
        => TestGateway.StartAsync(configure: o => new GatewayHostOptions { Paths = o.Paths, Port = 0, Token = TestGateway.Token, Console = o.Console, Environment = o.Environment, ModelInvoker = model });

    [Fact]
    public async Task ChatSend_StreamsDeltasToASecondClient_AndPersistsTheTurn()
    {
        var model = new ScriptedModelInvoker();
        model.Enqueue(new ScriptedReply(["Hel", "lo ", "there"]) { DelayMs = 5 });
        await using var gw = await StartAsync(model);
        await using var sender = await gw.ConnectAdminAsync();
        await using var watcher = await gw.ConnectAdminAsync();
        var send = await sender.CallAsync("chat.send", new JsonObject { ["sessionKey"] = "main", ["message"] = "hi", ["idempotencyKey"] = "run-1" });
        Assert.True(send.Ok, send.ToString());
        Assert.Equal("started", (string)send.Payload!["status"]!);
        Assert.Equal("run-1", (string)send.Payload!["runId"]!);

        var deltas = new List<string>();
        JsonNode? final;
        while (true)
        {
            var evt = await watcher.EventAsync("chat");
            Assert.Equal("agent:main:main", (string)evt.Payload!["sessionKey"]!);
            var state = (string)evt.Payload!["state"]!;
            if (state == "delta")
            {
                deltas.Add((string)evt.Payload!["deltaText"]!);
                continue;
            }

            Assert.Equal("final", state);
            final = evt.Payload;
            break;
        }

        Assert.Equal("Hello there", string.Concat(deltas));
        Assert.Equal("Hello there", (string)final!["message"]!["content"]![0]!["text"]!);
        Assert.Equal(100, (long)final["usage"]!["input"]!);

        var history = await sender.CallAsync("chat.history", new JsonObject { ["sessionKey"] = "main" });
        var messages = history.Payload!["messages"]!.AsArray();
        Assert.Equal(["user", "assistant"], messages.Select(m => (string)m!["role"]!));
        Assert.Equal("run-1", (string)messages[0]!["idempotencyKey"]!);

        var list = await sender.CallAsync("sessions.list");
        var row = Assert.Single(list.Payload!["sessions"]!.AsArray());
        Assert.Equal(100, (long)row!["inputTokens"]!);
        Assert.Equal("fake", (string)row["modelProvider"]!);
    }

    [Fact]
    public async Task Agent_SendsAcceptedThenFinal_WithSameRequestId()
    {
        var model = new ScriptedModelInvoker();
        model.Enqueue(new ScriptedReply(["4"]));
        await using var gw = await StartAsync(model);
        await using var client = await gw.ConnectAdminAsync();
        await client.SendJsonAsync(new JsonObject { ["type"] = "req", ["id"] = "a1", ["method"] = "agent", ["params"] = new JsonObject { ["message"] = "2+2?", ["idempotencyKey"] = "k-1" } });
        var accepted = await client.ResponseAsync("a1");
        Assert.Equal("accepted", (string)accepted.Payload!["status"]!);
        Assert.Equal("k-1", (string)accepted.Payload!["runId"]!);
        var final = await client.ResponseAsync("a1");
        Assert.Equal("ok", (string)final.Payload!["status"]!);
        Assert.Equal("completed", (string)final.Payload!["summary"]!);
        Assert.Equal("4", (string)final.Payload!["result"]!["text"]!);

        var lifecycle = client.Events.Where(e => e.Event == "agent").Select(e => e.Payload!).ToList();
        Assert.Contains(lifecycle, p => (string?)p["stream"] == "lifecycle" && (string?)p["data"]!["phase"] == "start");
        var seqs = lifecycle.Where(p => (string?)p["runId"] == "k-1").Select(p => (long)p["seq"]!).ToList();
        Assert.Equal(Enumerable.Range(1, seqs.Count).Select(i => (long)i), seqs);
    }

    [Fact]
    public async Task RepeatedIdempotencyKey_ReturnsSameRun_NeverASecondRun()
    {
        var model = new ScriptedModelInvoker();
        model.Enqueue(new ScriptedReply(["slow"]) { DelayMs = 1500 });
        await using var gw = await StartAsync(model);
        await using var client = await gw.ConnectAdminAsync();
        var first = await client.CallAsync("chat.send", new JsonObject { ["sessionKey"] = "main", ["message"] = "x", ["idempotencyKey"] = "same" });
        var second = await client.CallAsync("chat.send", new JsonObject { ["sessionKey"] = "main", ["message"] = "x", ["idempotencyKey"] = "same" });
        Assert.Equal("started", (string)first.Payload!["status"]!);
        Assert.Equal("in_flight", (string)second.Payload!["status"]!);
        var wait = await client.CallAsync("agent.wait", new JsonObject { ["runId"] = "same", ["timeoutMs"] = 5000 });
        Assert.Equal("ok", (string)wait.Payload!["status"]!);
        Assert.Single(model.Calls);
    }

    [Fact]
    public async Task ConcurrentSends_ToOneSession_RunOneAfterTheOther()
    {
        var model = new ScriptedModelInvoker();
        model.Enqueue(new ScriptedReply(["first ", "answer"]) { DelayMs = 60 });
        model.Enqueue(new ScriptedReply(["second answer"]));
        await using var gw = await StartAsync(model);
        await using var a = await gw.ConnectAdminAsync();
        await using var b = await gw.ConnectAdminAsync();
        var s1 = a.CallAsync("chat.send", new JsonObject { ["sessionKey"] = "shared", ["message"] = "one", ["idempotencyKey"] = "q1" });
        var s2 = b.CallAsync("chat.send", new JsonObject { ["sessionKey"] = "shared", ["message"] = "two", ["idempotencyKey"] = "q2" });
        await Task.WhenAll(s1, s2);
        await a.CallAsync("agent.wait", new JsonObject { ["runId"] = "q1", ["timeoutMs"] = 10000 });
        await a.CallAsync("agent.wait", new JsonObject { ["runId"] = "q2", ["timeoutMs"] = 10000 });
        var history = await a.CallAsync("chat.history", new JsonObject { ["sessionKey"] = "shared" });
        var roles = history.Payload!["messages"]!.AsArray().Select(m => (string)m!["role"]!).ToList();
        Assert.Equal(["user", "assistant", "user", "assistant"], roles);
        var calls = model.Calls.ToList();
        Assert.Equal(2, calls.Count);
        Assert.True(calls[1].Count > calls[0].Count, "the second run must see the first run's full exchange");
    }

    [Fact]
    public async Task NoProvider_TurnFailsNamingTheEnvVars()
    {
        await using var gw = await TestGateway.StartAsync();
        await using var client = await gw.ConnectAdminAsync();
        var wait = await client.CallAsync("agent.wait", new JsonObject { ["message"] = "hello", ["idempotencyKey"] = "np", ["timeoutMs"] = 10000 });
        Assert.Equal("error", (string)wait.Payload!["status"]!);
        Assert.Contains("ANTHROPIC_API_KEY", (string)wait.Payload!["error"]!);
        Assert.Contains("OPENAI_API_KEY", (string)wait.Payload!["error"]!);
        var chatError = client.Events.FirstOrDefault(e => e.Event == "chat" && (string?)e.Payload!["state"] == "error") ?? await client.EventAsync("chat");
        Assert.Equal("error", (string)chatError.Payload!["state"]!);
    }

    [Fact]
    public async Task ToolCall_SessionStatus_RunsAndFeedsResultBack()
    {
        var model = new ScriptedModelInvoker();
        model.Enqueue(new ScriptedReply([]) { ToolCalls = [("session_status", new Dictionary<string, object?>())] });
        model.Enqueue(new ScriptedReply(["done"]));
        await using var gw = await StartAsync(model);
        await using var client = await gw.OpenAsync();
        Assert.True((await client.ConnectAsync(new ConnectOptions { Token = TestGateway.Token, ClientId = "cli", ClientMode = "cli", Scopes = ["operator.admin"], Caps = ["tool-events"] })).Ok);
        var wait = await client.CallAsync("agent.wait", new JsonObject { ["message"] = "status?", ["idempotencyKey"] = "t1", ["timeoutMs"] = 10000 });
        Assert.Equal("done", (string)wait.Payload!["reply"]!);
        var toolEvents = client.Events.Where(e => e.Event == "agent" && (string?)e.Payload!["stream"] == "tool").ToList();
        Assert.Contains(toolEvents, e => (string?)e.Payload!["data"]!["phase"] == "result" && (string?)e.Payload!["data"]!["name"] == "session_status");
        var secondCall = model.Calls.Last();
        Assert.Contains(secondCall, m => m.Role == Microsoft.Extensions.AI.ChatRole.Tool);
        var history = await client.CallAsync("chat.history", new JsonObject { ["sessionKey"] = "main" });
        Assert.Equal(["user", "assistant", "toolResult", "assistant"], history.Payload!["messages"]!.AsArray().Select(m => (string)m!["role"]!));
    }
}
