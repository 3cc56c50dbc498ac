using System.Text.Json.Nodes;
using SharpClaw.Gateway.Hosting;
using SharpClaw.Gateway.Tests.Infrastructure;
using SharpClaw.Providers.Tests.Bedrock;
using SharpClaw.Providers.Tests.Infrastructure;

namespace SharpClaw.Gateway.Tests.Agents;

/// <summary>
/// One turn per provider through the real adapter (golden stream from a replay server) and the agent runner: the
/// usage log gets the normalised buckets (uncached input, output, cache read, cache write) and the cost from the
/// model's USD-per-million rates, whatever the provider called its counters.
/// </summary>
public sealed class UsageNormalisationTests
{
    private static readonly JsonObject Rates = new() { ["input"] = 1, ["output"] = 2, ["cacheRead"] = 0.5, ["cacheWrite"] = 4 };

    public static TheoryData<string, string, long, long, long, long> Cases => new()
    {
        // provider, model, input, output, cacheRead, cacheWrite (expected after normalisation)
        { "anthropic", "claude-opus-4-6", 25, 15, 4096, 1024 },          // input_tokens + cache_read/cache_creation_input_tokens
        { "openai", "gpt-5-mini", 256, 17, 1792, 0 },                    // prompt_tokens minus prompt_tokens_details.cached_tokens
        { "google", "gemini-3-flash-preview", 42, 5, 2048, 0 },          // promptTokenCount minus cachedContentTokenCount
        { "amazon-bedrock", "us.anthropic.claude-sonnet-4-5-20250929-v1:0", 24, 9, 2048, 0 }, // inputTokens + cacheReadInputTokens
        { "ollama", "llama3.2", 26, 4, 0, 0 },                           // prompt_eval_count / eval_count
        { "github-copilot", "gpt-4.1", 512, 5, 1024, 0 },                // OpenAI shape behind the Copilot API
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Normalised_usage_and_cost_land_in_the_usage_log(string provider, string model, long input, long output, long cacheRead, long cacheWrite)
    {
        await using var server = await GoldenServer.StartAsync(TestContext.Current.CancellationToken);
        var (path, reply, baseUrl) = Golden(provider, model, server.BaseUri);
        server.On("POST", path, reply);
        var entry = new JsonObject
        {
            ["baseUrl"] = baseUrl,
            ["models"] = new JsonArray(new JsonObject { ["id"] = model, ["name"] = model, ["cost"] = Rates.DeepClone() }),
        };
        if (provider is not ("amazon-bedrock" or "github-copilot" or "ollama"))
        {
            entry["apiKey"] = "test-key-0123456789";
        }

        var config = new JsonObject
        {
            ["gateway"] = new JsonObject { ["auth"] = new JsonObject { ["mode"] = "token", ["token"] = TestGateway.Token } },
            ["models"] = new JsonObject { ["providers"] = new JsonObject { [provider] = entry }, ["bedrockDiscovery"] = new JsonObject { ["enabled"] = false } },
            ["agents"] = new JsonObject { ["defaults"] = new JsonObject { ["model"] = $"{provider}/{model}" } },
        };
        var env = new Dictionary<string, string>
        {
            ["AWS_ACCESS_KEY_ID"] = "AKIDSHARPCLAWTEST",
            ["AWS_SECRET_ACCESS_KEY"] = "fake-secret-key",
            ["AWS_REGION"] = "eu-west-1",
            ["COPILOT_GITHUB_TOKEN"] = "ghp_usageTest",
        };
        await using var gw = await TestGateway.StartAsync(config, o => new GatewayHostOptions { Paths = o.Paths, Port = 0, Console = o.Console, Environment = name => env.GetValueOrDefault(name) });
        await using var client = await gw.ConnectAdminAsync();

        var wait = await client.CallAsync("agent.wait", new JsonObject { ["message"] = "Hello?", ["idempotencyKey"] = "usage-" + provider, ["timeoutMs"] = 20000 });
        Assert.True(wait.Ok, wait.ToString());
        Assert.Equal("ok", (string)wait.Payload!["status"]!);

        var logs = await client.CallAsync("sessions.usage.logs", new JsonObject { ["range"] = "all" });
        var row = Assert.Single(logs.Payload!["entries"]!.AsArray())!;
        Assert.Equal(provider, (string)row["provider"]!);
        Assert.Equal(model, (string)row["model"]!);
        Assert.Equal(input, (long)row["input"]!);
        Assert.Equal(output, (long)row["output"]!);
        Assert.Equal(cacheRead, (long)row["cacheRead"]!);
        Assert.Equal(cacheWrite, (long)row["cacheWrite"]!);
        var expectedCost = ((input * 1m) + (output * 2m) + (cacheRead * 0.5m) + (cacheWrite * 4m)) / 1_000_000m;
        Assert.Equal((double)expectedCost, (double)row["costUsd"]!, 12);
    }

    private static (string Path, GoldenReply Reply, string BaseUrl) Golden(string provider, string model, Uri server) => provider switch
    {
        "anthropic" => ("/v1/messages", GoldenReply.SseFile("anthropic/messages-text.sse"), server.AbsoluteUri),
        "openai" => ("/v1/chat/completions", GoldenReply.SseFile("openai/chat-text.sse"), server.AbsoluteUri + "v1"),
        "google" => ($"/v1beta/models/{model}:streamGenerateContent", GoldenReply.SseFile("gemini/stream-text.sse"), server.AbsoluteUri),
        "amazon-bedrock" => ($"/model/{model}/converse-stream", BedrockFrames.Reply("bedrock/converse-text.jsonl"), server.AbsoluteUri),
        "ollama" => ("/api/chat", GoldenReply.NdjsonFile("ollama/chat-text.ndjson"), server.AbsoluteUri),
        "github-copilot" => ("/chat/completions", GoldenReply.SseFile("copilot/chat-text.sse"), server.AbsoluteUri),
        _ => throw new ArgumentOutOfRangeException(nameof(provider)),
    };
}
