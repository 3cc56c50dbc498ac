using System.Text.Json.Nodes;
using SharpClaw.Gateway.Tests.Infrastructure;
using SharpClaw.Providers.Tests.Infrastructure;

namespace SharpClaw.Gateway.Tests.Agents;

/// <summary>A rate-limited primary falls back to the next model; the cooldown shows in models.list/status and survives a restart.</summary>
public sealed class FailoverEndToEndTests
{
    [Fact]
    public async Task Rate_limited_primary_falls_back_and_its_cooldown_is_visible_and_durable()
    {
        await using var server = await GoldenServer.StartAsync(TestContext.Current.CancellationToken);
        server.On("POST", "/v1/messages", GoldenReply.JsonFile(429, "anthropic/error-429.json"));
        server.On("POST", "/v1/chat/completions", GoldenReply.SseFile("openai/chat-text.sse"));
        var config = new JsonObject
        {
            ["gateway"] = new JsonObject { ["auth"] = new JsonObject { ["mode"] = "token", ["token"] = TestGateway.Token } },
            ["models"] = new JsonObject
            {
                ["providers"] = new JsonObject
                {
                    ["anthropic"] = new JsonObject { ["baseUrl"] = server.BaseUri.AbsoluteUri, ["apiKey"] = "sk-ant-test" },
                    ["openai"] = new JsonObject { ["baseUrl"] = server.BaseUri.AbsoluteUri + "v1", ["apiKey"] = "sk-test" },
                },
            },
            ["agents"] = new JsonObject
            {
                ["defaults"] = new JsonObject { ["model"] = new JsonObject { ["primary"] = "anthropic/claude-opus-4-6", ["fallbacks"] = new JsonArray("openai/gpt-5-mini") } },
            },
        };
        var dir = TestGateway.NewStateDir();
        var first = await TestGateway.StartAsync(config, dir: dir);
        await using (var client = await first.ConnectAdminAsync())
        {
            var wait = await client.CallAsync("agent.wait", new JsonObject { ["message"] = "hi", ["idempotencyKey"] = "fo-1", ["timeoutMs"] = 20000 });
            Assert.True(wait.Ok, wait.ToString());
            Assert.Equal("Hello from SharpClaw!", (string)wait.Payload!["reply"]!);
            Assert.Single(server.RequestsTo("/v1/messages"));

            // The second turn skips the cooling provider without calling it.
            await client.CallAsync("agent.wait", new JsonObject { ["message"] = "again", ["idempotencyKey"] = "fo-2", ["timeoutMs"] = 20000 });
            Assert.Single(server.RequestsTo("/v1/messages"));
            Assert.Equal(2, server.RequestsTo("/v1/chat/completions").Count);

            var status = await client.CallAsync("status");
            Assert.Equal("cooldown", (string)status.Payload!["providers"]!["anthropic:default"]!["state"]!);
            Assert.Equal("rate_limit", (string)status.Payload!["providers"]!["anthropic:default"]!["cooldownReason"]!);
            var usage = await client.CallAsync("usage.status");
            Assert.Equal(1, (int)usage.Payload!["providers"]!["anthropic:default"]!["failureCounts"]!["rate_limit"]!);
        }

        await first.Gateway.DisposeAsync(); // stop without deleting the state dir
        await using var second = await TestGateway.StartAsync(dir: dir);
        await using var again = await second.ConnectAdminAsync();
        var models = (await again.CallAsync("models.list")).Payload!["models"]!.AsArray();
        var opus = models.Single(m => (string)m!["id"]! == "anthropic/claude-opus-4-6")!;
        Assert.Equal("cooldown", (string)opus["state"]!);
        Assert.True((long)opus["cooldownUntil"]! > DateTimeOffset.UtcNow.ToUnixTimeMilliseconds());
        Assert.Equal("ok", (string)models.Single(m => (string)m!["id"]! == "openai/gpt-5-mini")!["state"]!);
    }
}
