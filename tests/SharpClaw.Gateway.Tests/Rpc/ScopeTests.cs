using System.Net.WebSockets;
using System.Text.Json.Nodes;
using SharpClaw.Gateway.Tests.Infrastructure;
using SharpClaw.Protocol.Auth;

namespace SharpClaw.Gateway.Tests.Rpc;

public sealed class ScopeTests
{
    private static async Task<WsTestClient> ConnectWithScopesAsync(TestGateway gw, params string[] scopes)
    {
        var c = await gw.OpenAsync();
        var res = await c.ConnectAsync(new ConnectOptions { Token = TestGateway.Token, Scopes = scopes });
        Assert.True(res.Ok, res.ToString());
        return c;
    }

    [Fact]
    public async Task MissingScope_HasExactForbiddenShape()
    {
        await using var gw = await TestGateway.StartAsync();
        await using var reader = await ConnectWithScopesAsync(gw, "operator.read");
        var res = await reader.CallAsync("device.pair.list");
        Assert.Equal("FORBIDDEN", res.ErrorCode);
        Assert.Equal("missing scope: operator.pairing", res.ErrorMessage);
        Assert.Equal("MISSING_SCOPE", res.DetailsCode);
        Assert.Equal("operator.pairing", (string)res.Error!["details"]!["missingScope"]!);
        Assert.Equal("operator.pairing", (string)res.Error!["details"]!["requiredScopes"]![0]!);
    }

    [Fact]
    public async Task UnknownMethod_NonAdminGetsMissingAdmin_AdminGetsUnknownMethod()
    {
        await using var gw = await TestGateway.StartAsync();
        await using var reader = await ConnectWithScopesAsync(gw, "operator.read");
        Assert.Equal("missing scope: operator.admin", (await reader.CallAsync("made.up")).ErrorMessage);
        await using var admin = await gw.ConnectAdminAsync();
        var res = await admin.CallAsync("made.up");
        Assert.Equal("INVALID_REQUEST", res.ErrorCode);
        Assert.Equal("unknown method: made.up", res.ErrorMessage);
    }

    [Fact]
    public async Task WriteImpliesRead_ButNotPairing()
    {
        await using var gw = await TestGateway.StartAsync();
        await using var writer = await ConnectWithScopesAsync(gw, "operator.write");
        Assert.True((await writer.CallAsync("status")).Ok);
        Assert.Equal("FORBIDDEN", (await writer.CallAsync("device.pair.list")).ErrorCode);
    }

    [Fact]
    public async Task ConfigPrefix_AlwaysNeedsAdmin()
    {
        await using var gw = await TestGateway.StartAsync();
        await using var writer = await ConnectWithScopesAsync(gw, "operator.write", "operator.pairing");
        Assert.Equal("missing scope: operator.admin", (await writer.CallAsync("config.apply", new JsonObject { ["raw"] = "{}" })).ErrorMessage);
    }

    [Fact]
    public async Task Health_NeedsNoScope()
    {
        await using var gw = await TestGateway.StartAsync();
        await using var none = await ConnectWithScopesAsync(gw);
        var res = await none.CallAsync("health");
        Assert.True(res.Ok);
        Assert.True((bool)res.Payload!["ok"]!);
        Assert.Equal("0.1.0", (string)res.Payload!["version"]!);
        Assert.NotNull(res.Payload!["uptime"]);
    }

    [Fact]
    public async Task NodeRole_CannotCallOperatorMethods_AndFloodCloses()
    {
        await using var gw = await TestGateway.StartAsync();
        await using var node = await gw.OpenAsync();
        var hello = await node.ConnectAsync(new ConnectOptions { Token = TestGateway.Token, ClientId = "node-host", ClientMode = "node", Role = "node", Scopes = [] });
        Assert.True(hello.Ok, hello.ToString());
        var res = await node.CallAsync("status");
        Assert.Equal("unauthorized role: node", res.ErrorMessage);
        for (var i = 0; i < 10; i++)
        {
            await node.SendRawAsync($$"""{"type":"req","id":"f{{i}}","method":"status"}""");
        }

        Assert.Equal(WebSocketCloseStatus.PolicyViolation, await node.ClosedAsync());
        Assert.Equal("repeated unauthorized calls", node.CloseDescription);
    }

    [Fact]
    public async Task NodeList_ShowsPairedNode()
    {
        await using var gw = await TestGateway.StartAsync();
        await using var node = await gw.OpenAsync();
        Assert.True((await node.ConnectAsync(new ConnectOptions { Token = TestGateway.Token, ClientId = "node-host", ClientMode = "node", Role = "node", Scopes = [] })).Ok);
        await using var admin = await gw.ConnectAdminAsync();
        var list = await admin.CallAsync("node.list");
        var entry = Assert.Single(list.Payload!["nodes"]!.AsArray());
        Assert.True((bool)entry!["connected"]!);
        var describe = await admin.CallAsync("node.describe", new JsonObject { ["nodeId"] = (string)entry["nodeId"]! });
        Assert.True(describe.Ok);
        Assert.Equal("INVALID_REQUEST", (await admin.CallAsync("node.describe", new JsonObject { ["nodeId"] = "nope" })).ErrorCode);
    }

    [Fact]
    public async Task ScopeImplication_Rules()
    {
        Assert.True(OperatorScopes.Satisfies(["operator.admin"], "operator.talk.secrets"));
        Assert.True(OperatorScopes.Satisfies(["operator.write"], "operator.read"));
        Assert.True(OperatorScopes.Satisfies(["operator.write"], "operator.sessions.write"));
        Assert.True(OperatorScopes.Satisfies(["operator.read"], "operator.sessions.read"));
        Assert.True(OperatorScopes.Satisfies(["operator.sessions.write"], "operator.sessions.read"));
        Assert.False(OperatorScopes.Satisfies(["operator.write"], "operator.approvals"));
        Assert.False(OperatorScopes.Satisfies(["operator.write"], "operator.pairing"));
        Assert.False(OperatorScopes.Satisfies(["operator.read"], "operator.write"));
        Assert.False(OperatorScopes.Satisfies(["operator.read"], "operator.future"));
        await Task.CompletedTask;
    }

    [Fact]
    public async Task StatusAndPresence_Work()
    {
        await using var gw = await TestGateway.StartAsync();
        await using var admin = await gw.ConnectAdminAsync();
        var status = await admin.CallAsync("status");
        Assert.Equal(gw.Gateway.Port, (int)status.Payload!["gateway"]!["port"]!);
        Assert.Equal(1, (int)status.Payload!["connections"]!["total"]!);
        Assert.NotNull(status.Payload!["stateDir"]);
        var presence = await admin.CallAsync("system-presence");
        Assert.Equal(2, presence.Payload!.AsArray().Count);
        var hb = await admin.CallAsync("last-heartbeat");
        Assert.True(hb.Ok);
        Assert.Null(hb.Payload);
    }
}
