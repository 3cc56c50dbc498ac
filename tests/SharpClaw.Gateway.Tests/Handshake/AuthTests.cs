using System.Net.WebSockets;
using System.Text.Json.Nodes;
using SharpClaw.Core.Security;
using SharpClaw.Gateway.Hosting;
using SharpClaw.Gateway.Tests.Infrastructure;

namespace SharpClaw.Gateway.Tests.Handshake;

public sealed class AuthTests
{
    [Fact]
    public async Task MissingToken_IsAuthTokenMissing()
    {
        await using var gw = await TestGateway.StartAsync();
        await using var client = await gw.OpenAsync();
        var res = await client.ConnectAsync(new ConnectOptions());
        Assert.Equal("INVALID_REQUEST", res.ErrorCode);
        Assert.Equal("AUTH_TOKEN_MISSING", res.DetailsCode);
        Assert.StartsWith("unauthorized: gateway token missing", res.ErrorMessage);
        Assert.Equal(WebSocketCloseStatus.PolicyViolation, await client.ClosedAsync());
    }

    [Fact]
    public async Task WrongToken_IsAuthTokenMismatchWithNextStep()
    {
        await using var gw = await TestGateway.StartAsync();
        await using var client = await gw.OpenAsync();
        var res = await client.ConnectAsync(new ConnectOptions { Token = "wrong", WithDevice = false });
        Assert.Equal("AUTH_TOKEN_MISMATCH", res.DetailsCode);
        Assert.Equal("token_mismatch", (string)res.Error!["details"]!["authReason"]!);
        Assert.Equal("update_auth_credentials", (string)res.Error!["details"]!["recommendedNextStep"]!);
        Assert.False((bool)res.Error!["details"]!["canRetryWithDeviceToken"]!);
    }

    [Fact]
    public async Task PasswordMode_AcceptsPasswordAndRejectsWrongOne()
    {
        var config = new JsonObject { ["gateway"] = new JsonObject { ["auth"] = new JsonObject { ["mode"] = "password", ["password"] = "correct horse battery staple" } } };
        await using var gw = await TestGateway.StartAsync(config);
        await using (var ok = await gw.OpenAsync())
        {
            var res = await ok.ConnectAsync(new ConnectOptions { Password = "correct horse battery staple" });
            Assert.True(res.Ok, res.ToString());
            Assert.Equal("password", (string)ok.Hello!["snapshot"]!["authMode"]!);
        }

        await using var bad = await gw.OpenAsync();
        var fail = await bad.ConnectAsync(new ConnectOptions { Password = "nope" });
        Assert.Equal("AUTH_PASSWORD_MISMATCH", fail.DetailsCode);
    }

    [Fact]
    public async Task NoneMode_AcceptsWithoutCredentials()
    {
        var config = new JsonObject { ["gateway"] = new JsonObject { ["auth"] = new JsonObject { ["mode"] = "none" } } };
        await using var gw = await TestGateway.StartAsync(config);
        await using var client = await gw.OpenAsync();
        Assert.True((await client.ConnectAsync(new ConnectOptions())).Ok);
    }

    [Fact]
    public async Task DevicelessSharedToken_NonCliClient_GetsScopesCleared()
    {
        await using var gw = await TestGateway.StartAsync();
        await using var client = await gw.OpenAsync();
        var res = await client.ConnectAsync(new ConnectOptions { Token = TestGateway.Token, ClientId = "openclaw-tui", ClientMode = "ui", Scopes = ["operator.admin"], WithDevice = false });
        Assert.True(res.Ok, res.ToString());
        Assert.Empty(client.Hello!["auth"]!["scopes"]!.AsArray());
        var denied = await client.CallAsync("status");
        Assert.Equal("FORBIDDEN", denied.ErrorCode);
    }

    [Fact]
    public async Task DevicelessLocalCli_KeepsScopes()
    {
        await using var gw = await TestGateway.StartAsync();
        await using var client = await gw.OpenAsync();
        var res = await client.ConnectAsync(new ConnectOptions { Token = TestGateway.Token, ClientId = "cli", ClientMode = "cli", Scopes = ["operator.admin"], WithDevice = false });
        Assert.True(res.Ok);
        Assert.Equal("operator.admin", (string)client.Hello!["auth"]!["scopes"]![0]!);
        Assert.Null(client.Hello!["auth"]!["deviceToken"]);
    }

    [Fact]
    public async Task NodeWithoutDevice_IsDeviceIdentityRequired()
    {
        await using var gw = await TestGateway.StartAsync();
        await using var client = await gw.OpenAsync();
        var res = await client.ConnectAsync(new ConnectOptions { Token = TestGateway.Token, ClientId = "node-host", ClientMode = "node", Role = "node", Scopes = [], WithDevice = false });
        Assert.Equal("NOT_PAIRED", res.ErrorCode);
        Assert.Equal("device identity required", res.ErrorMessage);
        Assert.Equal("DEVICE_IDENTITY_REQUIRED", res.DetailsCode);
        Assert.Equal(WebSocketCloseStatus.PolicyViolation, await client.ClosedAsync());
    }

    [Fact]
    public async Task ControlUiWithoutDevice_NeedsDeviceIdentity()
    {
        await using var gw = await TestGateway.StartAsync();
        await using var client = await gw.OpenAsync(new Dictionary<string, string> { ["Origin"] = "http://127.0.0.1:1234" });
        var res = await client.ConnectAsync(new ConnectOptions { Token = TestGateway.Token, ClientId = "openclaw-control-ui", ClientMode = "ui", WithDevice = false });
        Assert.Equal("CONTROL_UI_DEVICE_IDENTITY_REQUIRED", res.DetailsCode);
    }

    public static TheoryData<string, string, string> DeviceProofFailures => new()
    {
        { "id", "device identity mismatch", "DEVICE_AUTH_DEVICE_ID_MISMATCH" },
        { "stale", "device signature expired", "DEVICE_AUTH_SIGNATURE_EXPIRED" },
        { "nonce-missing", "device nonce required", "DEVICE_AUTH_NONCE_REQUIRED" },
        { "nonce-mismatch", "device nonce mismatch", "DEVICE_AUTH_NONCE_MISMATCH" },
        { "signature", "device signature invalid", "DEVICE_AUTH_SIGNATURE_INVALID" },
        { "public-key", "device public key invalid", "DEVICE_AUTH_PUBLIC_KEY_INVALID" },
    };

    [Theory]
    [MemberData(nameof(DeviceProofFailures))]
    public async Task DeviceProofFailure_HasCodeAndCloses1008(string tamper, string message, string code)
    {
        await using var gw = await TestGateway.StartAsync();
        await using var client = await gw.OpenAsync();
        var res = await client.ConnectAsync(new ConnectOptions
        {
            Token = TestGateway.Token,
            MutateDevice = d =>
            {
                switch (tamper)
                {
                    case "id": d["id"] = new string('a', 64); break;
                    case "stale": d["signedAt"] = (long)d["signedAt"]! - 121_000; break;
                    case "nonce-missing": d["nonce"] = " "; break;
                    case "nonce-mismatch": d["nonce"] = Guid.NewGuid().ToString(); break;
                    case "signature": d["signature"] = Base64Url.Encode(new byte[64]); break;
                    case "public-key": d["publicKey"] = "not-a-key"; break;
                }
            },
        });
        Assert.Equal("INVALID_REQUEST", res.ErrorCode);
        Assert.Equal(message, res.ErrorMessage);
        Assert.Equal(code, res.DetailsCode);
        Assert.NotNull(res.Error!["details"]!["reason"]);
        Assert.Equal(WebSocketCloseStatus.PolicyViolation, await client.ClosedAsync());
        Assert.Equal(message, client.CloseDescription);
    }

    [Fact]
    public async Task V2Signature_IsAccepted()
    {
        await using var gw = await TestGateway.StartAsync();
        await using var client = await gw.OpenAsync();
        var res = await client.ConnectAsync(new ConnectOptions { Token = TestGateway.Token, SignV2 = true });
        Assert.True(res.Ok, res.ToString());
    }

    [Fact]
    public async Task FailedAuth_LocksOutAfterMaxAttempts_WhenLoopbackNotExempt()
    {
        var config = new JsonObject
        {
            ["gateway"] = new JsonObject
            {
                ["auth"] = new JsonObject
                {
                    ["mode"] = "token",
                    ["token"] = TestGateway.Token,
                    ["rateLimit"] = new JsonObject { ["maxAttempts"] = 3, ["windowMs"] = 60000, ["lockoutMs"] = 300000, ["exemptLoopback"] = false },
                },
            },
        };
        await using var gw = await TestGateway.StartAsync(config);
        for (var i = 0; i < 3; i++)
        {
            await using var bad = await gw.OpenAsync();
            Assert.Equal("AUTH_TOKEN_MISMATCH", (await bad.ConnectAsync(new ConnectOptions { Token = "wrong" + i })).DetailsCode);
        }

        await using var locked = await gw.OpenAsync();
        var res = await locked.ConnectAsync(new ConnectOptions { Token = TestGateway.Token });
        Assert.Equal("AUTH_RATE_LIMITED", res.DetailsCode);
        Assert.True((bool)res.Error!["retryable"]!);
        Assert.True((long)res.Error!["retryAfterMs"]! > 0);
        Assert.Equal("wait_then_retry", (string)res.Error!["details"]!["recommendedNextStep"]!);
    }

    [Fact]
    public async Task SendingDeviceToken_DoesNotBypassSharedSecretLimiter()
    {
        var config = new JsonObject
        {
            ["gateway"] = new JsonObject
            {
                ["auth"] = new JsonObject
                {
                    ["token"] = TestGateway.Token,
                    ["rateLimit"] = new JsonObject { ["maxAttempts"] = 2, ["exemptLoopback"] = false },
                },
            },
        };
        await using var gw = await TestGateway.StartAsync(config);
        for (var i = 0; i < 2; i++)
        {
            await using var bad = await gw.OpenAsync();
            var r = await bad.ConnectAsync(new ConnectOptions { Token = "guess" + i, DeviceToken = "also-a-guess" });
            Assert.False(r.Ok);
        }

        await using var locked = await gw.OpenAsync();
        Assert.Equal("AUTH_RATE_LIMITED", (await locked.ConnectAsync(new ConnectOptions { Token = "guess-again" })).DetailsCode);
    }

    [Fact]
    public async Task DisallowedOrigin_IsRejected()
    {
        await using var gw = await TestGateway.StartAsync();
        await using var client = await gw.OpenAsync(new Dictionary<string, string> { ["Origin"] = "https://evil.example" });
        var res = await client.ConnectAsync(new ConnectOptions { Token = TestGateway.Token, ClientId = "openclaw-control-ui", ClientMode = "ui" });
        Assert.Equal("CONTROL_UI_ORIGIN_NOT_ALLOWED", res.DetailsCode);
        Assert.StartsWith("origin not allowed", res.ErrorMessage);
        Assert.Equal(WebSocketCloseStatus.PolicyViolation, await client.ClosedAsync());
    }

    [Fact]
    public async Task AllowedOrigin_FromConfig_IsAccepted()
    {
        var config = new JsonObject
        {
            ["gateway"] = new JsonObject
            {
                ["auth"] = new JsonObject { ["token"] = TestGateway.Token },
                ["controlUi"] = new JsonObject { ["allowedOrigins"] = new JsonArray("https://ui.example") },
            },
        };
        await using var gw = await TestGateway.StartAsync(config);
        await using var client = await gw.OpenAsync(new Dictionary<string, string> { ["Origin"] = "https://UI.example/" });
        var res = await client.ConnectAsync(new ConnectOptions { Token = TestGateway.Token, ClientId = "openclaw-control-ui", ClientMode = "ui" });
        Assert.True(res.Ok, res.ToString());
    }

    [Fact]
    public async Task BrowserOrigin_ClaimingCli_IsRejected()
    {
        await using var gw = await TestGateway.StartAsync();
        await using var client = await gw.OpenAsync(new Dictionary<string, string> { ["Origin"] = "http://localhost:5173" });
        var res = await client.ConnectAsync(new ConnectOptions { Token = TestGateway.Token, ClientId = "cli", ClientMode = "cli" });
        Assert.Equal("CONTROL_UI_ORIGIN_NOT_ALLOWED", res.DetailsCode);
    }

    [Fact]
    public async Task TrustedProxy_UsesUserHeaderFromConfiguredProxy()
    {
        var config = new JsonObject
        {
            ["gateway"] = new JsonObject
            {
                ["auth"] = new JsonObject
                {
                    ["mode"] = "trusted-proxy",
                    ["trustedProxy"] = new JsonObject { ["userHeader"] = "x-auth-user", ["requiredHeaders"] = new JsonArray("x-auth-proof"), ["allowLoopback"] = true },
                },
                ["trustedProxies"] = new JsonArray("127.0.0.1/32"),
            },
        };
        await using var gw = await TestGateway.StartAsync(config);
        await using (var ok = await gw.OpenAsync(new Dictionary<string, string> { ["x-auth-user"] = "alice@example.com", ["x-auth-proof"] = "1", ["X-Forwarded-For"] = "203.0.113.5" }))
        {
            var res = await ok.ConnectAsync(new ConnectOptions { Scopes = ["operator.admin"], WithDevice = false });
            Assert.True(res.Ok, res.ToString());
            Assert.Equal("trusted-proxy", (string)ok.Hello!["snapshot"]!["authMode"]!);
            Assert.Empty(ok.Hello!["auth"]!["scopes"]!.AsArray()); // self-declared scopes are never trusted without a paired device
        }

        await using var missing = await gw.OpenAsync(new Dictionary<string, string> { ["x-auth-user"] = "alice@example.com" });
        var fail = await missing.ConnectAsync(new ConnectOptions());
        Assert.Equal("AUTH_IDENTITY_HEADER_REQUIRED", fail.DetailsCode);
    }

    [Fact]
    public async Task Tailscale_IdentityIsVerifiedWithWhois()
    {
        var whois = new FakeTailscaleWhois(new() { ["100.101.102.103"] = "bob@github" });
        var config = new JsonObject { ["gateway"] = new JsonObject { ["auth"] = new JsonObject { ["token"] = TestGateway.Token, ["allowTailscale"] = true } } };
        await using var gw = await TestGateway.StartAsync(config, o => new GatewayHostOptions { Paths = o.Paths, Port = 0, Console = o.Console, Environment = o.Environment, Tailscale = whois });
        await using (var ok = await gw.OpenAsync(new Dictionary<string, string> { ["tailscale-user-login"] = "bob@github", ["X-Forwarded-For"] = "100.101.102.103" }))
        {
            Assert.True((await ok.ConnectAsync(new ConnectOptions { WithDevice = false })).Ok);
        }

        await using var spoof = await gw.OpenAsync(new Dictionary<string, string> { ["tailscale-user-login"] = "admin@github", ["X-Forwarded-For"] = "100.101.102.103" });
        Assert.Equal("AUTH_TAILSCALE_IDENTITY_MISMATCH", (await spoof.ConnectAsync(new ConnectOptions())).DetailsCode);
        await using var unknown = await gw.OpenAsync(new Dictionary<string, string> { ["tailscale-user-login"] = "bob@github", ["X-Forwarded-For"] = "100.64.0.9" });
        Assert.Equal("AUTH_TAILSCALE_WHOIS_FAILED", (await unknown.ConnectAsync(new ConnectOptions())).DetailsCode);
        Assert.Equal(3, whois.Queries.Count);
    }
}
