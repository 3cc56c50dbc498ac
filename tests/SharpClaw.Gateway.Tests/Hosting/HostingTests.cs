using System.Net;
using System.Net.WebSockets;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using SharpClaw.Gateway.Hosting;
using SharpClaw.Gateway.Tests.Infrastructure;

namespace SharpClaw.Gateway.Tests.Hosting;

public sealed class HostingTests
{
    [Theory]
    [InlineData("/health")]
    [InlineData("/healthz")]
    [InlineData("/ready")]
    public async Task Probes_AreUnauthenticatedJson(string path)
    {
        await using var gw = await TestGateway.StartAsync();
        using var http = new HttpClient();
        var response = await http.GetAsync(new Uri(gw.HttpUrl, path), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType!.MediaType);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken))!;
        Assert.True((bool)body["ok"]!);
        Assert.NotNull(body["uptime"]);
        Assert.NotNull(body["version"]);
    }

    [Fact]
    public async Task SecondGateway_OnSameStateDir_Refuses()
    {
        await using var gw = await TestGateway.StartAsync();
        var ex = await Assert.ThrowsAsync<GatewayStartException>(() => TestGateway.StartAsync(dir: gw.StateDir));
        Assert.Contains("already running", ex.Message);
    }

    [Fact]
    public async Task FirstStart_GeneratesAndStoresToken_WithoutPrintingIt()
    {
        var dir = TestGateway.NewStateDir();
        await using var gw = await TestGateway.StartAsync(dir: dir, withToken: false);
        var config = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(dir, "sharpclaw.json"), TestContext.Current.CancellationToken))!;
        var token = (string)config["gateway"]!["auth"]!["token"]!;
        Assert.Equal(48, token.Length);
        Assert.DoesNotContain(token, gw.Console.ToString());
        Assert.Contains("sharpclaw config get gateway.auth.token", gw.Console.ToString());
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(Path.Combine(dir, "sharpclaw.json")));
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(dir) & (UnixFileMode)0x1FF);
        }

        await using var client = await gw.OpenAsync();
        Assert.True((await client.ConnectAsync(new ConnectOptions { Token = token })).Ok);
    }

    [Fact]
    public async Task EnvToken_OverridesConfig()
    {
        var config = new JsonObject { ["gateway"] = new JsonObject { ["auth"] = new JsonObject { ["mode"] = "token", ["token"] = "file-token-aaaaaaaaaaaaaaaaaaaaaaaa" } } };
        await using var gw = await TestGateway.StartAsync(config, o => new GatewayHostOptions { Paths = o.Paths, Port = 0, Console = o.Console, Environment = n => n == "OPENCLAW_GATEWAY_TOKEN" ? "env-token-bbbbbbbbbbbbbbbbbbbbbbbbb" : null });
        await using var client = await gw.OpenAsync();
        Assert.True((await client.ConnectAsync(new ConnectOptions { Token = "env-token-bbbbbbbbbbbbbbbbbbbbbbbbb" })).Ok);
    }

    [Fact]
    public async Task NonLoopbackBind_WithoutSecret_Refuses()
    {
        var config = new JsonObject { ["gateway"] = new JsonObject { ["bind"] = "lan", ["auth"] = new JsonObject { ["mode"] = "none" } } };
        var ex = await Assert.ThrowsAsync<GatewayStartException>(() => TestGateway.StartAsync(config));
        Assert.Contains("without auth", ex.Message);
    }

    [Fact]
    public async Task HooksToken_EqualToGatewayToken_Refuses()
    {
        var config = new JsonObject
        {
            ["gateway"] = new JsonObject { ["auth"] = new JsonObject { ["mode"] = "token", ["token"] = "same-secret-cccccccccccccccccccccccc" } },
            ["hooks"] = new JsonObject { ["enabled"] = true, ["token"] = "same-secret-cccccccccccccccccccccccc" },
        };
        var ex = await Assert.ThrowsAsync<GatewayStartException>(() => TestGateway.StartAsync(config));
        Assert.Contains("hooks.token", ex.Message);
    }

    [Fact]
    public async Task PlaceholderToken_Refuses()
    {
        var config = new JsonObject { ["gateway"] = new JsonObject { ["auth"] = new JsonObject { ["mode"] = "token", ["token"] = "undefined" } } };
        var ex = await Assert.ThrowsAsync<GatewayStartException>(() => TestGateway.StartAsync(config));
        Assert.Contains("placeholder", ex.Message);
    }

    [Fact]
    public async Task Shutdown_SendsShutdownEventThenCloses1012()
    {
        var gw = await TestGateway.StartAsync();
        var client = await gw.ConnectAdminAsync();
        await gw.DisposeAsync();
        var shutdown = await client.EventAsync("shutdown");
        Assert.Equal("gateway stopping", (string)shutdown.Payload!["reason"]!);
        Assert.Equal((WebSocketCloseStatus)1012, await client.ClosedAsync());
        Assert.Equal("service restart", client.CloseDescription);
        await client.DisposeAsync();
    }

    [Fact]
    public async Task HttpAuth_BearerAndHeader_WithLimits()
    {
        var config = new JsonObject
        {
            ["gateway"] = new JsonObject
            {
                ["auth"] = new JsonObject { ["mode"] = "token", ["token"] = TestGateway.Token, ["rateLimit"] = new JsonObject { ["maxAttempts"] = 2, ["exemptLoopback"] = false } },
            },
        };
        await using var gw = await TestGateway.StartAsync(config, o => new GatewayHostOptions
        {
            Paths = o.Paths,
            Port = 0,
            Console = o.Console,
            Environment = o.Environment,
            ConfigureApp = (app, _, auth) => app.MapGet("/test/protected", (RequestDelegate)(async http =>
            {
                var result = await auth.AuthenticateAsync(http);
                http.Response.StatusCode = result.StatusCode;
                await http.Response.WriteAsync(result.Ok ? "ok:" + result.Method : result.Error!);
            })),
        });
        using var http = new HttpClient();
        var url = new Uri(gw.HttpUrl, "/test/protected");
        async Task<HttpStatusCode> SendAsync(string? header, string? value)
        {
            using var req = new HttpRequestMessage(HttpMethod.Get, url);
            if (header is not null)
            {
                req.Headers.TryAddWithoutValidation(header, value);
            }

            return (await http.SendAsync(req, TestContext.Current.CancellationToken)).StatusCode;
        }

        Assert.Equal(HttpStatusCode.OK, await SendAsync("Authorization", "Bearer " + TestGateway.Token));
        Assert.Equal(HttpStatusCode.OK, await SendAsync("X-OpenClaw-Token", TestGateway.Token));
        Assert.Equal(HttpStatusCode.Unauthorized, await SendAsync(null, null));
        Assert.Equal(HttpStatusCode.Unauthorized, await SendAsync("Authorization", "Bearer nope"));
        Assert.Equal(HttpStatusCode.Unauthorized, await SendAsync("Authorization", "Bearer nope2"));
        Assert.Equal(HttpStatusCode.TooManyRequests, await SendAsync("Authorization", "Bearer " + TestGateway.Token));
    }
}
