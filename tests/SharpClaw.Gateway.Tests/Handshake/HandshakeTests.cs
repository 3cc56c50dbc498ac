using System.Net.WebSockets;
using SharpClaw.Gateway.Tests.Infrastructure;

namespace SharpClaw.Gateway.Tests.Handshake;

public sealed class HandshakeTests
{
    [Fact]
    public async Task Challenge_IsFirstFrame_WithNonceAndTimestamp()
    {
        await using var gw = await TestGateway.StartAsync();
        await using var client = await gw.OpenAsync();
        Assert.True(Guid.TryParse(client.Nonce, out _));
        Assert.True(client.ChallengeTs > 1_700_000_000_000);
    }

    [Fact]
    public async Task Connect_WithTokenAndDevice_ReturnsHelloOkWithDeviceTokenAndPolicy()
    {
        await using var gw = await TestGateway.StartAsync();
        await using var client = await gw.OpenAsync();
        var res = await client.ConnectAsync(new ConnectOptions { Token = TestGateway.Token, Scopes = ["operator.read", "operator.write"] });
        Assert.True(res.Ok, res.ToString());
        var hello = client.Hello!;
        Assert.Equal("hello-ok", (string)hello["type"]!);
        Assert.Equal(4, (int)hello["protocol"]!);
        Assert.Equal(26214400, (long)hello["policy"]!["maxPayload"]!);
        Assert.Equal(52428800, (long)hello["policy"]!["maxBufferedBytes"]!);
        Assert.Equal(30000, (long)hello["policy"]!["tickIntervalMs"]!);
        Assert.Equal(["operator.read", "operator.write"], hello["auth"]!["scopes"]!.AsArray().Select(s => (string)s!));
        Assert.False(string.IsNullOrEmpty((string?)hello["auth"]!["deviceToken"]));
        Assert.Contains("health", hello["features"]!["methods"]!.AsArray().Select(s => (string)s!));
        Assert.Equal("agent:main:main", (string)hello["snapshot"]!["sessionDefaults"]!["mainSessionKey"]!);
        Assert.Equal("token", (string)hello["snapshot"]!["authMode"]!);
        Assert.Null(hello["snapshot"]!["stateDir"]); // not admin
    }

    [Fact]
    public async Task FirstFrame_NotJson_ClosesWith1000AndNoResponse()
    {
        await using var gw = await TestGateway.StartAsync();
        await using var client = await gw.OpenAsync();
        await client.SendRawAsync("{not json");
        Assert.Equal(WebSocketCloseStatus.NormalClosure, await client.ClosedAsync());
    }

    [Fact]
    public async Task FirstFrame_InvalidRequestFrame_Closes1008()
    {
        await using var gw = await TestGateway.StartAsync();
        await using var client = await gw.OpenAsync();
        await client.SendRawAsync("""{"type":"req","id":"1","method":"connect","extra":1}""");
        Assert.Equal(WebSocketCloseStatus.PolicyViolation, await client.ClosedAsync());
        Assert.Equal("invalid request frame", client.CloseDescription);
    }

    [Fact]
    public async Task FirstRequest_NotConnect_IsRejected()
    {
        await using var gw = await TestGateway.StartAsync();
        await using var client = await gw.OpenAsync();
        await client.SendRawAsync("""{"type":"req","id":"1","method":"health"}""");
        var res = await client.ResponseAsync("1");
        Assert.Equal("INVALID_REQUEST", res.ErrorCode);
        Assert.Equal("invalid handshake: first request must be connect", res.ErrorMessage);
        Assert.Equal(WebSocketCloseStatus.PolicyViolation, await client.ClosedAsync());
    }

    [Fact]
    public async Task InvalidConnectParams_UnknownClientId_ListsTheProblem()
    {
        await using var gw = await TestGateway.StartAsync();
        await using var client = await gw.OpenAsync();
        var res = await client.ConnectAsync(new ConnectOptions { Token = TestGateway.Token, ClientId = "my-own-client" });
        Assert.Equal("INVALID_REQUEST", res.ErrorCode);
        Assert.StartsWith("invalid connect params: ", res.ErrorMessage);
        Assert.Contains("/client/id", res.ErrorMessage);
        Assert.Equal(WebSocketCloseStatus.PolicyViolation, await client.ClosedAsync());
    }

    [Fact]
    public async Task InvalidConnectParams_ExtraProperty_IsRejected()
    {
        await using var gw = await TestGateway.StartAsync();
        await using var client = await gw.OpenAsync();
        var res = await client.ConnectAsync(new ConnectOptions { Token = TestGateway.Token, MutateParams = p => p["surprise"] = true });
        Assert.Contains("unexpected property 'surprise'", res.ErrorMessage);
    }

    [Fact]
    public async Task PreAuthFrame_Over64KiB_Closes1009()
    {
        await using var gw = await TestGateway.StartAsync();
        await using var client = await gw.OpenAsync();
        await client.SendRawAsync(new string('x', 65 * 1024));
        Assert.Equal(WebSocketCloseStatus.MessageTooBig, await client.ClosedAsync());
    }

    [Fact]
    public async Task ProtocolMismatch_Closes1002WithDetails()
    {
        await using var gw = await TestGateway.StartAsync();
        await using var client = await gw.OpenAsync();
        var res = await client.ConnectAsync(new ConnectOptions { Token = TestGateway.Token, MinProtocol = 5, MaxProtocol = 6 });
        Assert.Equal("protocol mismatch", res.ErrorMessage);
        Assert.Equal("PROTOCOL_MISMATCH", res.DetailsCode);
        Assert.Equal(4, (int)res.Error!["details"]!["expectedProtocol"]!);
        Assert.Equal(5, (int)res.Error!["details"]!["clientMinProtocol"]!);
        Assert.Equal(WebSocketCloseStatus.ProtocolError, await client.ClosedAsync());
    }

    [Fact]
    public async Task InvalidRole_Closes1008()
    {
        await using var gw = await TestGateway.StartAsync();
        await using var client = await gw.OpenAsync();
        var res = await client.ConnectAsync(new ConnectOptions { Token = TestGateway.Token, Role = "superuser" });
        Assert.Equal("invalid role", res.ErrorMessage);
        Assert.Equal(WebSocketCloseStatus.PolicyViolation, await client.ClosedAsync());
    }

    [Fact]
    public async Task WorkerClaim_IsRejected()
    {
        await using var gw = await TestGateway.StartAsync();
        await using var client = await gw.OpenAsync();
        var res = await client.ConnectAsync(new ConnectOptions { Token = TestGateway.Token, ClientId = "openclaw-worker", ClientMode = "worker" });
        Assert.False(res.Ok);
        Assert.Equal(WebSocketCloseStatus.PolicyViolation, await client.ClosedAsync());
        Assert.Equal("invalid-handshake", client.CloseDescription);
    }

    [Fact]
    public async Task HandshakeTimeout_ClosesUnauthenticatedSocket()
    {
        await using var gw = await TestGateway.StartAsync(configure: o => new SharpClaw.Gateway.Hosting.GatewayHostOptions { Paths = o.Paths, Port = 0, Token = o.Token, Console = o.Console, Environment = o.Environment, HandshakeTimeout = TimeSpan.FromMilliseconds(300) });
        await using var client = await gw.OpenAsync();
        Assert.Equal(WebSocketCloseStatus.NormalClosure, await client.ClosedAsync());
    }

    [Fact]
    public async Task ConnectAgain_AfterHandshake_IsInvalid()
    {
        await using var gw = await TestGateway.StartAsync();
        await using var client = await gw.ConnectAdminAsync();
        await client.SendJsonAsync(client.BuildConnect(new ConnectOptions { Token = TestGateway.Token }));
        var res = await client.ResponseAsync("connect-1");
        Assert.Equal("connect is only valid as the first request", res.ErrorMessage);
        var health = await client.CallAsync("health");
        Assert.True(health.Ok);
    }

    [Fact]
    public async Task InvalidFrame_AfterHandshake_AnswersInvalidRequestAndStaysOpen()
    {
        await using var gw = await TestGateway.StartAsync();
        await using var client = await gw.ConnectAdminAsync();
        await client.SendRawAsync("""{"type":"req","id":"x1","method":"health","bogus":true}""");
        var res = await client.ResponseAsync("x1");
        Assert.Equal("INVALID_REQUEST", res.ErrorCode);
        Assert.StartsWith("invalid request frame", res.ErrorMessage);
        await client.SendRawAsync("""{"type":"event","event":"x"}""");
        var res2 = await client.ResponseAsync("invalid");
        Assert.False(res2.Ok);
        Assert.True((await client.CallAsync("health")).Ok);
    }

    [Fact]
    public async Task PreAuthBudget_33rdUnauthenticatedSocketFromOneIp_Gets503()
    {
        await using var gw = await TestGateway.StartAsync();
        var open = new List<WsTestClient>();
        try
        {
            for (var i = 0; i < 32; i++)
            {
                open.Add(await gw.OpenAsync());
            }

            using var extra = new ClientWebSocket();
            var ex = await Assert.ThrowsAsync<WebSocketException>(() => extra.ConnectAsync(gw.WsUrl, TestContext.Current.CancellationToken));
            Assert.Contains("503", ex.Message);

            // Authenticating one frees a slot.
            var first = open[0];
            Assert.True((await first.ConnectAsync(new ConnectOptions { Token = TestGateway.Token })).Ok);
            await using var again = await gw.OpenAsync();
            Assert.NotNull(again.Nonce);
        }
        finally
        {
            foreach (var c in open)
            {
                await c.DisposeAsync();
            }
        }
    }

    [Fact]
    public async Task NewClient_IsAnnouncedToOthersWithPresence()
    {
        await using var gw = await TestGateway.StartAsync();
        await using var admin = await gw.ConnectAdminAsync();
        await using var other = await gw.OpenAsync();
        Assert.True((await other.ConnectAsync(new ConnectOptions { Token = TestGateway.Token, ClientMode = "backend" })).Ok);
        var presence = await admin.EventAsync("presence");
        while (!presence.Payload!["presence"]!.AsArray().Any(e => (string?)e!["deviceId"] == other.Device!.DeviceId))
        {
            presence = await admin.EventAsync("presence");
        }

        Assert.NotNull(presence.Json["seq"]);
        Assert.NotNull(presence.Json["stateVersion"]);
        Assert.Contains(presence.Payload!["presence"]!.AsArray(), e => (string?)e!["deviceId"] == other.Device!.DeviceId);
    }

    [Fact]
    public async Task EventSeq_IsPerSocketAndIncreasing()
    {
        await using var gw = await TestGateway.StartAsync();
        await using var admin = await gw.ConnectAdminAsync();
        await using var b = await gw.OpenAsync();
        Assert.True((await b.ConnectAsync(new ConnectOptions { Token = TestGateway.Token })).Ok);
        await using var c = await gw.OpenAsync();
        Assert.True((await c.ConnectAsync(new ConnectOptions { Token = TestGateway.Token })).Ok);
        var seqs = new List<long>();
        for (var i = 0; i < 2; i++)
        {
            seqs.Add((long)(await admin.EventAsync("presence")).Json["seq"]!);
        }

        Assert.True(seqs[1] > seqs[0]);
        Assert.True(seqs[0] >= 1);
    }
}
