using System.Diagnostics;
using System.Text.Json.Nodes;
using SharpClaw.Gateway.Tests.Infrastructure;

namespace SharpClaw.Gateway.Tests.Agents;

/// <summary>Agent turns through the real OpenAI-compatible adapter against a fake provider speaking its SSE format.</summary>
public sealed class ProviderEndToEndTests
{
    private static JsonObject ConfigFor(FakeOpenAiServer fake, int? port = null)
    {
        var gateway = new JsonObject { ["auth"] = new JsonObject { ["mode"] = "token", ["token"] = TestGateway.Token } };
        if (port is { } p)
        {
            gateway["port"] = p;
        }

        return new JsonObject
        {
            ["gateway"] = gateway,
            ["models"] = new JsonObject
            {
                ["providers"] = new JsonObject
                {
                    ["openai"] = new JsonObject
                    {
                        ["baseUrl"] = fake.BaseUrl.ToString(),
                        ["apiKey"] = "sk-test-fake-key-0123456789",
                        ["models"] = new JsonArray(new JsonObject { ["id"] = "gpt-test", ["contextWindow"] = 128000, ["cost"] = new JsonObject { ["input"] = 1, ["output"] = 2, ["cacheRead"] = 0.5, ["cacheWrite"] = 0 } }),
                    },
                },
            },
            ["agents"] = new JsonObject { ["defaults"] = new JsonObject { ["model"] = "openai/gpt-test" } },
        };
    }

    [Fact]
    public async Task ChatSend_StreamsThroughTheRealOpenAiAdapter_WithUsageAndCost()
    {
        await using var fake = await FakeOpenAiServer.StartAsync();
        await using var gw = await TestGateway.StartAsync(ConfigFor(fake));
        await using var client = await gw.ConnectAdminAsync();
        var wait = await client.CallAsync("agent.wait", new JsonObject { ["message"] = "hi", ["idempotencyKey"] = "p1", ["timeoutMs"] = 20000 });
        Assert.True(wait.Ok, wait.ToString());
        Assert.Equal("ok", (string)wait.Payload!["status"]!);
        Assert.Equal("Hello from the fake provider", (string)wait.Payload!["reply"]!);
        Assert.Equal(32, (long)wait.Payload!["usage"]!["input"]!); // 42 prompt tokens minus 10 cached
        Assert.Equal(10, (long)wait.Payload!["usage"]!["cacheRead"]!);
        var body = Assert.Single(fake.Bodies);
        Assert.Equal("gpt-test", (string)body["model"]!);
        Assert.Equal("system", (string)body["messages"]![0]!["role"]!);
        var models = await client.CallAsync("models.list");
        Assert.Contains(models.Payload!["models"]!.AsArray(), m => (string)m!["id"]! == "openai/gpt-test" && (bool)m["available"]!);
        var cost = await client.CallAsync("usage.cost", new JsonObject { ["range"] = "7d" });
        Assert.True((double)cost.Payload!["totalUsd"]! > 0);
    }

    [Fact]
    public async Task KillMinus9_MidTurn_RestartKeepsTheSessionIntact()
    {
        await using var fake = await FakeOpenAiServer.StartAsync();
        fake.DelayMs = 400;
        fake.Words = [.. Enumerable.Range(0, 50).Select(i => $" w{i}")];
        var dir = TestGateway.NewStateDir();
        var port = FreePort();
        await File.WriteAllTextAsync(Path.Combine(dir, "sharpclaw.json"), ConfigFor(fake, port).ToJsonString(), TestContext.Current.CancellationToken);
        var gateway = StartGatewayProcess(dir);
        try
        {
            var url = new Uri($"ws://127.0.0.1:{port}/");
            await using (var client = await ConnectWhenReadyAsync(url))
            {
                await client.CallAsync("chat.send", new JsonObject { ["sessionKey"] = "main", ["message"] = "survive this", ["idempotencyKey"] = "crash-1" });
                var delta = await client.EventAsync("chat", TimeSpan.FromSeconds(20));
                Assert.Equal("delta", (string)delta.Payload!["state"]!);
                gateway.Kill(entireProcessTree: true); // SIGKILL: no shutdown path runs
                await gateway.WaitForExitAsync(TestContext.Current.CancellationToken);
            }

            gateway = StartGatewayProcess(dir);
            await using var again = await ConnectWhenReadyAsync(url);
            var history = await again.CallAsync("chat.history", new JsonObject { ["sessionKey"] = "main" });
            Assert.True(history.Ok, history.ToString());
            var messages = history.Payload!["messages"]!.AsArray();
            Assert.Equal("user", (string)messages[0]!["role"]!);
            Assert.Equal("survive this", (string)messages[0]!["content"]!);
            var sessions = await again.CallAsync("sessions.list");
            Assert.Single(sessions.Payload!["sessions"]!.AsArray());

            // The store is not corrupt: a new turn works on the same session.
            fake.DelayMs = 0;
            fake.Words = ["back"];
            var wait = await again.CallAsync("agent.wait", new JsonObject { ["message"] = "still there?", ["idempotencyKey"] = "after", ["timeoutMs"] = 20000 });
            Assert.Equal("back", (string)wait.Payload!["reply"]!);
        }
        finally
        {
            if (!gateway.HasExited)
            {
                gateway.Kill(entireProcessTree: true);
                await gateway.WaitForExitAsync(TestContext.Current.CancellationToken);
            }

            gateway.Dispose();
            Directory.Delete(dir, true);
        }
    }

    private static Process StartGatewayProcess(string stateDir)
    {
        var exe = Path.Combine(AppContext.BaseDirectory, OperatingSystem.IsWindows() ? "sharpclaw.exe" : "sharpclaw");
        var psi = new ProcessStartInfo(exe) { UseShellExecute = false, RedirectStandardError = true, RedirectStandardOutput = true };
        psi.ArgumentList.Add("gateway");
        psi.Environment["OPENCLAW_STATE_DIR"] = stateDir;
        psi.Environment.Remove("OPENCLAW_CONFIG_PATH");
        psi.Environment.Remove("OPENCLAW_GATEWAY_TOKEN");
        var p = Process.Start(psi)!;
        p.BeginErrorReadLine();
        p.BeginOutputReadLine();
        return p;
    }

    private static async Task<WsTestClient> ConnectWhenReadyAsync(Uri url)
    {
        for (var i = 0; ; i++)
        {
            try
            {
                var client = await WsTestClient.OpenAsync(url);
                var res = await client.ConnectAsync(new ConnectOptions { Token = TestGateway.Token, ClientId = "cli", ClientMode = "cli", Scopes = ["operator.admin"] });
                Assert.True(res.Ok, res.ToString());
                return client;
            }
            catch (System.Net.WebSockets.WebSocketException) when (i < 100)
            {
                await Task.Delay(100, TestContext.Current.CancellationToken);
            }
        }
    }

    private static int FreePort()
    {
        using var l = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        l.Start();
        return ((System.Net.IPEndPoint)l.LocalEndpoint).Port;
    }
}
