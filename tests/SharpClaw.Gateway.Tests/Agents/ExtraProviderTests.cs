using System.Text.Json.Nodes;
using SharpClaw.Gateway.Hosting;
using SharpClaw.Gateway.Tests.Infrastructure;

namespace SharpClaw.Gateway.Tests.Agents;

/// <summary>Gemini, Bedrock and Copilot are registered with the gateway: listed by models.list, and a turn runs on Copilot.</summary>
public sealed class ExtraProviderTests
{
    [Fact]
    public async Task Turn_runs_on_github_copilot_and_models_list_shows_the_extra_providers()
    {
        await using var fake = await FakeOpenAiServer.StartAsync();
        var config = new JsonObject
        {
            ["gateway"] = new JsonObject { ["auth"] = new JsonObject { ["mode"] = "token", ["token"] = TestGateway.Token } },
            ["models"] = new JsonObject
            {
                ["providers"] = new JsonObject
                {
                    ["github-copilot"] = new JsonObject { ["baseUrl"] = fake.BaseUrl.ToString() },
                },
            },
            ["agents"] = new JsonObject { ["defaults"] = new JsonObject { ["model"] = "github-copilot/gpt-4.1" } },
        };
        var env = new Dictionary<string, string> { ["COPILOT_GITHUB_TOKEN"] = "ghp_sharpclawGatewayTest" };
        await using var gw = await TestGateway.StartAsync(config, o => new GatewayHostOptions { Paths = o.Paths, Port = 0, Console = o.Console, Environment = name => env.GetValueOrDefault(name) });
        await using var client = await gw.ConnectAdminAsync();

        var wait = await client.CallAsync("agent.wait", new JsonObject { ["message"] = "hi", ["idempotencyKey"] = "copilot-1", ["timeoutMs"] = 20000 });

        Assert.True(wait.Ok, wait.ToString());
        Assert.Equal("Hello from the fake provider", (string)wait.Payload!["reply"]!);
        var headers = Assert.Single(fake.Headers);
        Assert.Equal("Bearer ghp_sharpclawGatewayTest", headers["Authorization"]);
        Assert.Equal("vscode-chat", headers["Copilot-Integration-Id"]);
        Assert.Equal("user", headers["X-Initiator"]);
        Assert.Equal("gpt-4.1", (string)fake.Bodies[0]["model"]!);

        var models = (await client.CallAsync("models.list")).Payload!["models"]!.AsArray();
        Assert.Contains(models, m => (string)m!["id"]! == "github-copilot/gpt-4.1" && (bool)m["available"]! && (bool)m["default"]!);
        Assert.Contains(models, m => (string)m!["id"]! == "google/gemini-3-flash-preview" && !(bool)m["available"]!);
        Assert.Contains(models, m => (string)m!["provider"]! == "github-copilot" && (string)m["api"]! == "github-copilot");
    }

    [Fact]
    public async Task Without_credentials_a_gemini_turn_names_the_env_vars()
    {
        var config = new JsonObject
        {
            ["gateway"] = new JsonObject { ["auth"] = new JsonObject { ["mode"] = "token", ["token"] = TestGateway.Token } },
            ["models"] = new JsonObject { ["providers"] = new JsonObject { ["openai"] = new JsonObject { ["apiKey"] = "sk-unused" } } },
        };
        await using var gw = await TestGateway.StartAsync(config);
        await using var client = await gw.ConnectAdminAsync();

        var wait = await client.CallAsync("agent.wait", new JsonObject { ["message"] = "hi", ["idempotencyKey"] = "gem-1", ["timeoutMs"] = 20000, ["model"] = "google/gemini-3-flash-preview" });

        var text = wait.ToString();
        Assert.Contains("GEMINI_API_KEY", text, StringComparison.Ordinal);
    }
}
