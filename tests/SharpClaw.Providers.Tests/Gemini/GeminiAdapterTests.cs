using System.Text.Json.Nodes;
using Microsoft.Extensions.AI;
using SharpClaw.Providers.Abstractions;
using SharpClaw.Providers.Common;
using SharpClaw.Providers.Gemini;
using SharpClaw.Providers.Registry;
using SharpClaw.Providers.Tests.Infrastructure;
using static SharpClaw.Providers.Tests.Infrastructure.ChatStreams;

namespace SharpClaw.Providers.Tests.Gemini;

public sealed class GeminiAdapterTests : GoldenServerTestBase
{
    private const string FlashPath = "/v1beta/models/gemini-3-flash-preview:streamGenerateContent";

    [Fact]
    public async Task Streams_text_with_cached_prompt_tokens_split_out()
    {
        Server.On("POST", FlashPath, GoldenReply.SseFile("gemini/stream-text.sse"));

        var updates = await CollectAsync(Client());

        Assert.Equal("Hello from Gemini!", Text(updates));
        Assert.Equal(ChatFinishReason.Stop, Finish(updates));
        // promptTokenCount 2090 includes cachedContentTokenCount 2048 → 42 uncached input + 2048 cache read.
        Assert.Equal(new TokenUsage(42, 5, 2048, 0), Usage(updates));
        Assert.Equal("kqHmaOTZDbWv1dkP4Yq8mQE", updates[0].ResponseId);

        var request = Server.LastRequest;
        Assert.Equal("?alt=sse", request.Query);
        Assert.Equal("test-key", request.Header("x-goog-api-key"));
        Assert.Null(request.Header("Authorization"));
    }

    [Fact]
    public async Task Builds_contents_system_instruction_tools_and_generation_config()
    {
        Server.On("POST", FlashPath, GoldenReply.SseFile("gemini/stream-text.sse"));
        var call = new FunctionCallContent("call_1", "get_weather", new Dictionary<string, object?> { ["city"] = "Paris" })
        {
            AdditionalProperties = new() { [GeminiContentMapper.ThoughtSignatureKey] = "sig-abc" },
        };
        List<ChatMessage> history =
        [
            new(ChatRole.System, "You are terse."),
            new(ChatRole.User, [new TextContent("Weather in Paris? And this picture:"), new DataContent(new byte[] { 1, 2, 3 }, "image/png")]),
            new(ChatRole.Assistant, [call]),
            new(ChatRole.Tool, [new FunctionResultContent("call_1", "18°C and sunny")]),
        ];

        await CollectAsync(Client(), new ChatOptions { Tools = [WeatherTool()], MaxOutputTokens = 1024, Temperature = 0.2f }, history);

        var body = Server.LastRequest.Json;
        Assert.Equal("You are terse.", (string?)body["systemInstruction"]!["parts"]![0]!["text"]);
        var contents = body["contents"]!.AsArray();
        Assert.Equal(["user", "model", "user"], contents.Select(c => (string?)c!["role"]).ToArray());
        Assert.Equal("image/png", (string?)contents[0]!["parts"]![1]!["inlineData"]!["mimeType"]);
        Assert.Equal("AQID", (string?)contents[0]!["parts"]![1]!["inlineData"]!["data"]);
        Assert.Equal("Paris", (string?)contents[1]!["parts"]![0]!["functionCall"]!["args"]!["city"]);
        Assert.Equal("sig-abc", (string?)contents[1]!["parts"]![0]!["thoughtSignature"]);
        var response = contents[2]!["parts"]![0]!["functionResponse"]!;
        Assert.Equal("get_weather", (string?)response["name"]);
        Assert.Equal("18°C and sunny", (string?)response["response"]!["result"]);
        var declaration = body["tools"]![0]!["functionDeclarations"]![0]!;
        Assert.Equal("get_weather", (string?)declaration["name"]);
        Assert.Equal("object", (string?)declaration["parametersJsonSchema"]!["type"]);
        Assert.Equal(1024, (int?)body["generationConfig"]!["maxOutputTokens"]);
        Assert.Equal(0.2, (double)body["generationConfig"]!["temperature"]!, 3);
        Assert.False(body["generationConfig"]!.AsObject().ContainsKey("thinkingConfig"));
    }

    [Fact]
    public async Task Gemini3_history_call_without_signature_gets_the_skip_placeholder()
    {
        Server.On("POST", FlashPath, GoldenReply.SseFile("gemini/stream-text.sse"));
        List<ChatMessage> history =
        [
            new(ChatRole.User, "Weather?"),
            new(ChatRole.Assistant, [new FunctionCallContent("call_9", "get_weather", new Dictionary<string, object?> { ["city"] = "Oslo" })]),
            new(ChatRole.Tool, [new FunctionResultContent("call_9", new JsonObject { ["tempC"] = 3 })]),
        ];

        await CollectAsync(Client(), messages: history);

        var contents = Server.LastRequest.Json["contents"]!.AsArray();
        Assert.Equal(GeminiContentMapper.SkipSignatureValidator, (string?)contents[1]!["parts"]![0]!["thoughtSignature"]);
        Assert.Equal(3, (int?)contents[2]!["parts"]![0]!["functionResponse"]!["response"]!["tempC"]);
    }

    [Fact]
    public async Task Streams_a_function_call_with_its_thought_signature()
    {
        Server.On("POST", FlashPath, GoldenReply.SseFile("gemini/stream-tool-call.sse"));

        var updates = await CollectAsync(Client(), new ChatOptions { Tools = [WeatherTool()], ToolMode = ChatToolMode.RequireSpecific("get_weather") });

        var call = SingleCall(updates);
        Assert.Equal("get_weather", call.Name);
        Assert.Equal("Paris", Arg(call, "city"));
        Assert.Equal("celsius", Arg(call, "unit"));
        Assert.StartsWith("call_", call.CallId, StringComparison.Ordinal);
        Assert.Equal("CiQB0e2Kb7xQm1sHc3Jr6pZJ0nV5yGk4tUe9AaLqW2cD8fXhR0o=", call.AdditionalProperties![GeminiContentMapper.ThoughtSignatureKey]);
        Assert.Equal(ChatFinishReason.ToolCalls, Finish(updates));
        // thoughtsTokenCount (65) is billed as output next to candidatesTokenCount (22).
        Assert.Equal(new TokenUsage(118, 87, 0, 0), Usage(updates));
        var config = Server.LastRequest.Json["toolConfig"]!["functionCallingConfig"]!;
        Assert.Equal("ANY", (string?)config["mode"]);
        Assert.Equal("get_weather", (string?)config["allowedFunctionNames"]![0]);
    }

    [Fact]
    public async Task Thought_summaries_stream_as_reasoning()
    {
        Server.On("POST", "/v1beta/models/gemini-2.5-flash:streamGenerateContent", GoldenReply.SseFile("gemini/stream-thinking.sse"));

        var updates = await CollectAsync(Client("gemini-2.5-flash"), Thinking("medium"));

        Assert.StartsWith("**Weighing the question**", Reasoning(updates), StringComparison.Ordinal);
        Assert.Equal("17 × 3 = 51.", Text(updates));
        Assert.Equal(new TokenUsage(9, 85, 0, 0), Usage(updates));
        var thinking = Server.LastRequest.Json["generationConfig"]!["thinkingConfig"]!;
        Assert.Equal(8192, (int?)thinking["thinkingBudget"]);
        Assert.True((bool?)thinking["includeThoughts"]);
    }

    [Theory]
    [InlineData("minimal", 128)]
    [InlineData("low", 2048)]
    [InlineData("medium", 8192)]
    [InlineData("high", 32768)]
    [InlineData("xhigh", 32768)]
    [InlineData("off", 0)]
    public async Task Thinking_level_becomes_a_thinking_budget(string level, int budget)
    {
        Server.On("POST", FlashPath, GoldenReply.SseFile("gemini/stream-text.sse"));

        await CollectAsync(Client(), Thinking(level));

        var thinking = Server.LastRequest.Json["generationConfig"]!["thinkingConfig"]!;
        Assert.Equal(budget, (int?)thinking["thinkingBudget"]);
        Assert.Equal(level != "off", (bool?)thinking["includeThoughts"] ?? false);
    }

    [Fact]
    public void Thinking_budgets_respect_model_ranges()
    {
        Assert.Equal(24576, (int?)GeminiThinking.Config(ThinkingLevel.High, "gemini-2.5-flash")!["thinkingBudget"]);
        Assert.Equal(512, (int?)GeminiThinking.Config(ThinkingLevel.Minimal, "gemini-2.5-flash-lite")!["thinkingBudget"]);
        Assert.Equal(128, (int?)GeminiThinking.Config(ThinkingLevel.Off, "gemini-2.5-pro")!["thinkingBudget"]);
        Assert.Null(GeminiThinking.Config(null, "gemini-2.5-pro"));
    }

    [Fact]
    public async Task Base_url_with_an_api_version_is_used_as_is()
    {
        Server.On("POST", FlashPath, GoldenReply.SseFile("gemini/stream-text.sse"));
        var endpoint = ProviderEndpoint.Create("google", Server.Url("/v1beta/"), "test-key");

        var updates = await CollectAsync(GeminiChatClientFactory.Create(endpoint, "models/gemini-3-flash-preview"));

        Assert.Equal("Hello from Gemini!", Text(updates));
        Assert.Equal(FlashPath, Server.LastRequest.Path);
    }

    [Fact]
    public async Task Provider_lists_configured_default_and_discovered_models()
    {
        Server.On("GET", "/v1beta/models", GoldenReply.JsonFile(200, "gemini/models.json"));
        var configured = new ModelDefinition { Ref = new ModelRef("google", "my-tuned-model"), Api = GeminiChatClientFactory.Api };
        var provider = new GeminiProvider(new GeminiProviderOptions { Endpoint = Endpoint(), ConfiguredModels = [configured] });

        var models = await provider.ListModelsAsync(TestContext.Current.CancellationToken);

        var ids = models.Select(m => m.Ref.Model).ToList();
        Assert.Equal("my-tuned-model", ids[0]);
        Assert.Contains(GeminiModels.DefaultModelId, ids);
        Assert.Contains("gemini-3-pro-preview", ids);
        Assert.DoesNotContain("gemini-embedding-001", ids);
        var discovered = models.Single(m => m.Ref.Model == "gemini-3-pro-preview");
        Assert.Equal(("discovered", 1_048_576, 65_536, true), (discovered.Source, discovered.ContextWindow, discovered.MaxOutputTokens, discovered.Reasoning));
        Assert.Equal("?pageSize=1000", Server.LastRequest.Query);
        Assert.Equal("test-key", Server.LastRequest.Header("x-goog-api-key"));
    }

    [Fact]
    public async Task Provider_without_a_key_is_unconfigured_and_says_what_to_set()
    {
        var provider = new GeminiProvider(new GeminiProviderOptions());

        Assert.False(provider.IsConfigured);
        var ex = Assert.Throws<ProviderException>(() => provider.CreateChatClient(GeminiModels.DefaultModelId));
        Assert.Equal(FailoverReason.Auth, ex.Reason);
        Assert.Contains("GEMINI_API_KEY", ex.Message, StringComparison.Ordinal);
        Assert.Contains(GeminiModels.DefaultModelId, (await provider.ListModelsAsync(TestContext.Current.CancellationToken)).Select(m => m.Ref.Model));
    }

    [Theory]
    [InlineData("GEMINI_API_KEY")]
    [InlineData("GOOGLE_API_KEY")]
    public async Task Registry_registration_picks_up_the_key_and_streams(string envVar)
    {
        Server.On("POST", FlashPath, GoldenReply.SseFile("gemini/stream-text.sse"));
        var config = new JsonObject { ["models"] = new JsonObject { ["providers"] = new JsonObject { ["google"] = new JsonObject { ["baseUrl"] = Server.BaseUri.ToString() } } } };
        var env = new Dictionary<string, string> { [envVar] = "env-key" };
        var registry = new ProviderRegistry(config, new ProviderRegistryOptions
        {
            Environment = name => env.GetValueOrDefault(name),
            DetectOllama = false,
            Registrations = [GeminiProvider.Registration],
        });

        Assert.Equal(new ModelRef("google", GeminiModels.DefaultModelId), registry.DefaultModel);
        var resolved = registry.ResolveModel("google/gemini-3-flash-preview");
        var updates = await CollectAsync(resolved.CreateChatClient());

        Assert.Equal("Hello from Gemini!", Text(updates));
        Assert.Equal("env-key", Server.LastRequest.Header("x-goog-api-key"));
    }

    private ProviderEndpoint Endpoint() => ProviderEndpoint.Create("google", Server.BaseUri, "test-key");

    private IChatClient Client(string model = GeminiModels.DefaultModelId) => GeminiChatClientFactory.Create(Endpoint(), model);
}
