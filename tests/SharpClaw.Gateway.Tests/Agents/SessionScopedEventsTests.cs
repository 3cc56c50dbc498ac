using System.Text.Json.Nodes;
using SharpClaw.Gateway.Hosting;
using SharpClaw.Gateway.Tests.Infrastructure;

namespace SharpClaw.Gateway.Tests.Agents;

/// <summary>The <c>session-scoped-events</c> capability over a real WebSocket (ws-protocol §4.2.1).</summary>
public sealed class SessionScopedEventsTests
{
    private const string MainKey = "agent:main:main";
    private const string OtherKey = "agent:main:other";

    private static Task<TestGateway> StartAsync(ScriptedModelInvoker model)
        => TestGateway.StartAsync(configure: o => new GatewayHostOptions { Paths = o.Paths, Port = 0, Token = TestGateway.Token, Console = o.Console, Environment = o.Environment, ModelInvoker = model });

    private static async Task<WsTestClient> ConnectAsync(TestGateway gw, params string[] caps)
    {
        var client = await gw.OpenAsync();
        var hello = await client.ConnectAsync(new ConnectOptions { Token = TestGateway.Token, ClientId = "cli", ClientMode = "cli", Scopes = ["operator.read", "operator.write"], Caps = caps });
        Assert.True(hello.Ok, hello.ToString());
        return client;
    }

    private static async Task TurnAsync(WsTestClient driver, string sessionKey, string runId)
    {
        var wait = await driver.CallAsync("agent.wait", new JsonObject { ["message"] = "hi", ["sessionKey"] = sessionKey, ["idempotencyKey"] = runId, ["timeoutMs"] = 10000 });
        Assert.Equal("ok", (string?)wait.Payload!["status"]);
    }

    /// <summary>Run events seen so far, by session key; a round trip first so everything broadcast earlier has arrived.</summary>
    private static async Task<List<string>> RunEventSessionsAsync(WsTestClient client)
    {
        Assert.True((await client.CallAsync("health")).Ok);
        return client.Events.Where(e => e.Event is "agent" or "chat").Select(e => (string)e.Payload!["sessionKey"]!).ToList();
    }

    [Fact]
    public async Task ScopedClients_GetOnlySubscribedSessions_LegacyClientsGetAll()
    {
        var model = new ScriptedModelInvoker();
        model.Enqueue(new ScriptedReply(["one"]));
        model.Enqueue(new ScriptedReply(["two"]));
        await using var gw = await StartAsync(model);
        await using var subscribed = await ConnectAsync(gw, "session-scoped-events");
        await using var unsubscribed = await ConnectAsync(gw, "session-scoped-events");
        await using var legacy = await ConnectAsync(gw);

        var sub = await subscribed.CallAsync("sessions.messages.subscribe", new JsonObject { ["key"] = "main" });
        Assert.True(sub.Ok, sub.ToString());
        Assert.True((bool)sub.Payload!["subscribed"]!);
        Assert.Equal(MainKey, (string?)sub.Payload!["key"]);

        await TurnAsync(legacy, "main", "r-main");
        await TurnAsync(legacy, "other", "r-other");

        var seen = await RunEventSessionsAsync(subscribed);
        Assert.Contains(MainKey, seen);
        Assert.All(seen, k => Assert.Equal(MainKey, k));
        Assert.Contains(subscribed.Events, e => e.Event == "chat" && (string?)e.Payload!["state"] == "final");
        Assert.Empty(await RunEventSessionsAsync(unsubscribed));
        var all = await RunEventSessionsAsync(legacy);
        Assert.Contains(MainKey, all);
        Assert.Contains(OtherKey, all);
    }

    [Fact]
    public async Task Unsubscribe_StopsTheSessionsEvents()
    {
        var model = new ScriptedModelInvoker();
        model.Enqueue(new ScriptedReply(["one"]));
        model.Enqueue(new ScriptedReply(["two"]));
        await using var gw = await StartAsync(model);
        await using var client = await ConnectAsync(gw, "session-scoped-events");
        Assert.True((await client.CallAsync("sessions.messages.subscribe", new JsonObject { ["key"] = "other" })).Ok);
        await TurnAsync(client, "other", "r1");
        var before = (await RunEventSessionsAsync(client)).Count;
        Assert.True(before > 0);

        var unsub = await client.CallAsync("sessions.messages.unsubscribe", new JsonObject { ["key"] = "other" });
        Assert.True(unsub.Ok, unsub.ToString());
        Assert.False((bool)unsub.Payload!["subscribed"]!);
        Assert.Equal(OtherKey, (string?)unsub.Payload!["key"]);
        await TurnAsync(client, "other", "r2");
        Assert.Equal(before, (await RunEventSessionsAsync(client)).Count);
    }

    [Fact]
    public async Task Subscribe_ValidatesParams_AndIsAdvertised()
    {
        await using var gw = await TestGateway.StartAsync();
        await using var client = await ConnectAsync(gw, "session-scoped-events");
        var methods = client.Hello!["features"]!["methods"]!.AsArray().Select(m => (string)m!).ToList();
        Assert.Contains("sessions.messages.subscribe", methods);
        Assert.Contains("sessions.messages.unsubscribe", methods);

        var missing = await client.CallAsync("sessions.messages.subscribe", new JsonObject());
        Assert.False(missing.Ok);
        Assert.Contains("key", (string?)missing.Error!["message"]);
        var extra = await client.CallAsync("sessions.messages.unsubscribe", new JsonObject { ["key"] = "main", ["bogus"] = 1 });
        Assert.False(extra.Ok);
        Assert.Contains("bogus", (string?)extra.Error!["message"]);
    }
}
