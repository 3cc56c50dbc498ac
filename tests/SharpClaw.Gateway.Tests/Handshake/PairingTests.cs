using System.Net.WebSockets;
using System.Text.Json.Nodes;
using SharpClaw.Core.Security;
using SharpClaw.Gateway.Tests.Infrastructure;

namespace SharpClaw.Gateway.Tests.Handshake;

public sealed class PairingTests
{
    private static JsonObject NoAutoApprove() => new()
    {
        ["gateway"] = new JsonObject
        {
            ["auth"] = new JsonObject { ["token"] = TestGateway.Token },
            ["nodes"] = new JsonObject { ["pairing"] = new JsonObject { ["autoApproveLocal"] = false } },
        },
    };

    [Fact]
    public async Task LocalDevice_IsSilentlyApproved_AndGetsDeviceToken()
    {
        await using var gw = await TestGateway.StartAsync();
        await using var admin = await gw.ConnectAdminAsync();
        await using var client = await gw.OpenAsync();
        var res = await client.ConnectAsync(new ConnectOptions { Token = TestGateway.Token, ClientId = "openclaw-tui", ClientMode = "ui" });
        Assert.True(res.Ok, res.ToString());
        Assert.NotNull(client.Hello!["auth"]!["deviceToken"]);
        var requested = await admin.EventAsync("device.pair.requested");
        Assert.True((bool)requested.Payload!["silent"]!);
        var resolved = await admin.EventAsync("device.pair.resolved");
        Assert.Equal("approved", (string)resolved.Payload!["decision"]!);
    }

    [Fact]
    public async Task UnapprovedDevice_GetsPairingRequired_ThenApproveAndReconnect()
    {
        await using var gw = await TestGateway.StartAsync(NoAutoApprove());
        await using var admin = await gw.OpenAsync();
        Assert.True((await admin.ConnectAsync(new ConnectOptions { Token = TestGateway.Token, ClientId = "cli", ClientMode = "cli", Scopes = ["operator.admin"], WithDevice = false })).Ok);

        using var device = DeviceIdentity.Create();
        string requestId;
        await using (var client = await gw.OpenAsync())
        {
            var res = await client.ConnectAsync(new ConnectOptions { Token = TestGateway.Token, Device = device, Scopes = ["operator.read"] });
            Assert.Equal("NOT_PAIRED", res.ErrorCode);
            Assert.Equal("PAIRING_REQUIRED", res.DetailsCode);
            Assert.Equal("not-paired", (string)res.Error!["details"]!["reason"]!);
            requestId = (string)res.Error!["details"]!["requestId"]!;
            Assert.Equal(WebSocketCloseStatus.PolicyViolation, await client.ClosedAsync());
            Assert.Contains($"(requestId: {requestId})", client.CloseDescription);
        }

        var evt = await admin.EventAsync("device.pair.requested");
        Assert.Equal(requestId, (string)evt.Payload!["requestId"]!);
        Assert.Equal(device.DeviceId, (string)evt.Payload!["deviceId"]!);

        var list = await admin.CallAsync("device.pair.list");
        Assert.Contains(list.Payload!["pending"]!.AsArray(), p => (string)p!["requestId"]! == requestId);

        var approve = await admin.CallAsync("device.pair.approve", new JsonObject { ["requestId"] = requestId });
        Assert.True(approve.Ok, approve.ToString());
        Assert.Equal("approved", (string)(await admin.EventAsync("device.pair.resolved")).Payload!["decision"]!);

        await using var again = await gw.OpenAsync();
        var hello = await again.ConnectAsync(new ConnectOptions { Token = TestGateway.Token, Device = device, Scopes = ["operator.read"] });
        Assert.True(hello.Ok, hello.ToString());
        Assert.NotNull(again.Hello!["auth"]!["deviceToken"]);
    }

    [Fact]
    public async Task ScopeUpgrade_NeedsApproval()
    {
        await using var gw = await TestGateway.StartAsync(NoAutoApprove());
        await using var admin = await gw.OpenAsync();
        Assert.True((await admin.ConnectAsync(new ConnectOptions { Token = TestGateway.Token, ClientId = "cli", ClientMode = "cli", Scopes = ["operator.admin"], WithDevice = false })).Ok);
        using var device = DeviceIdentity.Create();
        await using (var c = await gw.OpenAsync())
        {
            var r = await c.ConnectAsync(new ConnectOptions { Token = TestGateway.Token, Device = device, Scopes = ["operator.read"] });
            Assert.True((await admin.CallAsync("device.pair.approve", new JsonObject { ["requestId"] = (string)r.Error!["details"]!["requestId"]! })).Ok);
        }

        await using var upgrade = await gw.OpenAsync();
        var res = await upgrade.ConnectAsync(new ConnectOptions { Token = TestGateway.Token, Device = device, Scopes = ["operator.read", "operator.pairing"] });
        Assert.Equal("scope-upgrade", (string)res.Error!["details"]!["reason"]!);
        Assert.Equal("pairing required: scope upgrade pending approval", res.ErrorMessage);
        Assert.NotNull(res.Error!["details"]!["approvedScopes"]);
    }

    [Fact]
    public async Task Reject_RemovesRequest()
    {
        await using var gw = await TestGateway.StartAsync(NoAutoApprove());
        await using var admin = await gw.OpenAsync();
        Assert.True((await admin.ConnectAsync(new ConnectOptions { Token = TestGateway.Token, ClientId = "cli", ClientMode = "cli", Scopes = ["operator.admin"], WithDevice = false })).Ok);
        await using var c = await gw.OpenAsync();
        var r = await c.ConnectAsync(new ConnectOptions { Token = TestGateway.Token });
        var requestId = (string)r.Error!["details"]!["requestId"]!;
        Assert.True((await admin.CallAsync("device.pair.reject", new JsonObject { ["requestId"] = requestId })).Ok);
        Assert.Equal("rejected", (string)(await admin.EventAsync("device.pair.resolved")).Payload!["decision"]!);
        Assert.Empty((await admin.CallAsync("device.pair.list")).Payload!["pending"]!.AsArray());
        var again = await admin.CallAsync("device.pair.approve", new JsonObject { ["requestId"] = requestId });
        Assert.Equal("INVALID_REQUEST", again.ErrorCode);
        Assert.Contains("unknown pairing request", again.ErrorMessage);
    }

    [Fact]
    public async Task DeviceToken_AloneAuthenticates_AndScopesAreCapped()
    {
        await using var gw = await TestGateway.StartAsync();
        using var device = DeviceIdentity.Create();
        string token;
        await using (var first = await gw.OpenAsync())
        {
            Assert.True((await first.ConnectAsync(new ConnectOptions { Token = TestGateway.Token, Device = device, Scopes = ["operator.read"] })).Ok);
            token = (string)first.Hello!["auth"]!["deviceToken"]!;
        }

        await using (var second = await gw.OpenAsync())
        {
            var res = await second.ConnectAsync(new ConnectOptions { DeviceToken = token, Device = device, Scopes = ["operator.read"] });
            Assert.True(res.Ok, res.ToString());
            Assert.Equal(token, (string)second.Hello!["auth"]!["deviceToken"]!);
        }

        await using (var viaAuthToken = await gw.OpenAsync())
        {
            Assert.True((await viaAuthToken.ConnectAsync(new ConnectOptions { Token = token, Device = device, Scopes = ["operator.read"] })).Ok);
        }

        await using var greedy = await gw.OpenAsync();
        var denied = await greedy.ConnectAsync(new ConnectOptions { DeviceToken = token, Device = device, Scopes = ["operator.admin"] });
        Assert.Equal("AUTH_SCOPE_MISMATCH", denied.DetailsCode);
    }

    [Fact]
    public async Task DeviceToken_WithoutDevice_IsDeviceIdentityRequired()
    {
        await using var gw = await TestGateway.StartAsync();
        await using var c = await gw.OpenAsync();
        var res = await c.ConnectAsync(new ConnectOptions { DeviceToken = "abc", WithDevice = false });
        Assert.Equal("DEVICE_IDENTITY_REQUIRED", res.DetailsCode);
    }

    [Fact]
    public async Task WrongDeviceToken_IsDeviceTokenMismatch()
    {
        await using var gw = await TestGateway.StartAsync();
        await using var c = await gw.OpenAsync();
        var res = await c.ConnectAsync(new ConnectOptions { DeviceToken = "not-the-token" });
        Assert.Equal("AUTH_DEVICE_TOKEN_MISMATCH", res.DetailsCode);
    }

    [Fact]
    public async Task Rotate_ClosesDeviceSockets4001_AndOldTokenStopsWorking()
    {
        await using var gw = await TestGateway.StartAsync();
        await using var admin = await gw.ConnectAdminAsync();
        using var device = DeviceIdentity.Create();
        await using var client = await gw.OpenAsync();
        Assert.True((await client.ConnectAsync(new ConnectOptions { Token = TestGateway.Token, Device = device, Scopes = ["operator.read"] })).Ok);
        var oldToken = (string)client.Hello!["auth"]!["deviceToken"]!;

        var rotate = await admin.CallAsync("device.token.rotate", new JsonObject { ["deviceId"] = device.DeviceId, ["role"] = "operator" });
        Assert.True(rotate.Ok, rotate.ToString());
        Assert.Equal("withheld-cross-device", (string)rotate.Payload!["tokenDelivery"]!);
        Assert.Null(rotate.Payload!["token"]);
        Assert.Equal((WebSocketCloseStatus)4001, await client.ClosedAsync());
        Assert.Equal("device removed", client.CloseDescription);

        await using var stale = await gw.OpenAsync();
        Assert.Equal("AUTH_DEVICE_TOKEN_MISMATCH", (await stale.ConnectAsync(new ConnectOptions { DeviceToken = oldToken, Device = device, Scopes = ["operator.read"] })).DetailsCode);
    }

    [Fact]
    public async Task Rotate_CannotExceedApprovedScopes()
    {
        await using var gw = await TestGateway.StartAsync();
        await using var admin = await gw.ConnectAdminAsync();
        using var device = DeviceIdentity.Create();
        await using (var client = await gw.OpenAsync())
        {
            Assert.True((await client.ConnectAsync(new ConnectOptions { Token = TestGateway.Token, Device = device, Scopes = ["operator.read"] })).Ok);
        }

        var rotate = await admin.CallAsync("device.token.rotate", new JsonObject { ["deviceId"] = device.DeviceId, ["role"] = "operator", ["scopes"] = new JsonArray("operator.admin") });
        Assert.Equal("INVALID_REQUEST", rotate.ErrorCode);
        Assert.Contains("exceed", rotate.ErrorMessage);
    }

    [Fact]
    public async Task Rotate_OwnDeviceViaDeviceToken_ReturnsNewTokenInBand()
    {
        await using var gw = await TestGateway.StartAsync();
        using var device = DeviceIdentity.Create();
        string token;
        await using (var first = await gw.OpenAsync())
        {
            Assert.True((await first.ConnectAsync(new ConnectOptions { Token = TestGateway.Token, Device = device, Scopes = ["operator.pairing"] })).Ok);
            token = (string)first.Hello!["auth"]!["deviceToken"]!;
        }

        await using var self = await gw.OpenAsync();
        Assert.True((await self.ConnectAsync(new ConnectOptions { DeviceToken = token, Device = device, Scopes = ["operator.pairing"] })).Ok);
        var rotate = await self.CallAsync("device.token.rotate", new JsonObject { ["deviceId"] = device.DeviceId, ["role"] = "operator" });
        Assert.True(rotate.Ok, rotate.ToString());
        Assert.Equal("in-band", (string)rotate.Payload!["tokenDelivery"]!);
        Assert.NotEqual(token, (string)rotate.Payload!["token"]!);
    }

    [Fact]
    public async Task Revoke_And_Remove_Close4001()
    {
        await using var gw = await TestGateway.StartAsync();
        await using var admin = await gw.ConnectAdminAsync();
        using var device = DeviceIdentity.Create();
        await using (var client = await gw.OpenAsync())
        {
            Assert.True((await client.ConnectAsync(new ConnectOptions { Token = TestGateway.Token, Device = device })).Ok);
            var revoke = await admin.CallAsync("device.token.revoke", new JsonObject { ["deviceId"] = device.DeviceId, ["role"] = "operator" });
            Assert.True((bool)revoke.Payload!["revoked"]!);
            Assert.Equal((WebSocketCloseStatus)4001, await client.ClosedAsync());
        }

        await using (var client = await gw.OpenAsync())
        {
            Assert.True((await client.ConnectAsync(new ConnectOptions { Token = TestGateway.Token, Device = device })).Ok);
            Assert.True((await admin.CallAsync("device.pair.remove", new JsonObject { ["deviceId"] = device.DeviceId })).Ok);
            Assert.Equal((WebSocketCloseStatus)4001, await client.ClosedAsync());
        }

        var list = await admin.CallAsync("device.pair.list");
        Assert.DoesNotContain(list.Payload!["paired"]!.AsArray(), d => (string)d!["deviceId"]! == device.DeviceId);
    }
}
