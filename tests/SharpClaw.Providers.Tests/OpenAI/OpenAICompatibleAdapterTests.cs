using Microsoft.Extensions.AI;
using SharpClaw.Providers.Abstractions;
using SharpClaw.Providers.Common;
using SharpClaw.Providers.OpenAI;
using SharpClaw.Providers.Tests.Infrastructure;
using static SharpClaw.Providers.Tests.Infrastructure.ChatStreams;

namespace SharpClaw.Providers.Tests.OpenAI;

public sealed class OpenAICompatibleAdapterTests : GoldenServerTestBase
{
    private const string Path = "/v1/chat/completions";

    [Fact]
    public async Task Streams_text_and_normalises_cached_prompt_tokens()
    {
        Server.On("POST", Path, GoldenReply.SseFile("openai/chat-text.sse"));

        var updates = await CollectAsync(Client());

        Assert.Equal("Hello from SharpClaw!", Text(updates));
        Assert.Equal(ChatFinishReason.Stop, Finish(updates));
        // prompt_tokens 2048 includes 1792 cached → 256 uncached input + 1792 cache read.
        Assert.Equal(new TokenUsage(256, 17, 1792, 0), Usage(updates));

        var request = Server.LastRequest;
        Assert.Equal("Bearer sk-test", request.Header("Authorization"));
        Assert.Equal("gpt-5-mini", request.Json["model"]!.GetValue<string>());
        Assert.True(request.Json["stream"]!.GetValue<bool>());
        Assert.True(request.Json["stream_options"]!["include_usage"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Assembles_streamed_tool_call_arguments()
    {
        Server.On("POST", Path, GoldenReply.SseFile("openai/chat-tool-call.sse"));

        var updates = await CollectAsync(Client(), new ChatOptions { Tools = [WeatherTool()] });

        var call = SingleCall(updates);
        Assert.Equal("call_Q8Hn2mXcT5uVb1RkLd0aPzWe", call.CallId);
        Assert.Equal("get_weather", call.Name);
        Assert.Equal("Paris", Arg(call, "city"));
        Assert.Equal("celsius", Arg(call, "unit"));
        Assert.Equal(ChatFinishReason.ToolCalls, Finish(updates));
        Assert.Equal(new TokenUsage(312, 24, 0, 0), Usage(updates));
        Assert.Equal("get_weather", Server.LastRequest.Json["tools"]![0]!["function"]!["name"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("minimal", "minimal")]
    [InlineData("low", "low")]
    [InlineData("medium", "medium")]
    [InlineData("high", "high")]
    [InlineData("xhigh", "high")]
    public async Task Thinking_level_becomes_reasoning_effort(string level, string effort)
    {
        Server.On("POST", Path, GoldenReply.SseFile("openai/chat-text.sse"));

        await CollectAsync(Client(), Thinking(level));

        Assert.Equal(effort, Server.LastRequest.Json["reasoning_effort"]!.GetValue<string>());
    }

    [Fact]
    public async Task Thinking_off_omits_reasoning_effort()
    {
        Server.On("POST", Path, GoldenReply.SseFile("openai/chat-text.sse"));

        await CollectAsync(Client(), Thinking("off"));

        Assert.False(Server.LastRequest.Json.ContainsKey("reasoning_effort"));
    }

    [Fact]
    public async Task Reasoning_content_deltas_become_reasoning()
    {
        Server.On("POST", Path, GoldenReply.SseFile("openai/chat-reasoning-content.sse"));

        var updates = await CollectAsync(Client("Qwen/Qwen3-8B"));

        Assert.Equal("The user asks for 2+2.", Reasoning(updates));
        Assert.Equal("4", Text(updates));
        Assert.Equal(new TokenUsage(14, 26, 0, 0), Usage(updates));
    }

    [Fact]
    public async Task OpenRouter_reasoning_deltas_and_config_headers()
    {
        Server.On("POST", "/api/v1/chat/completions", GoldenReply.SseFile("openai/chat-reasoning-openrouter.sse"));
        var headers = new Dictionary<string, string> { ["HTTP-Referer"] = "https://sharpclaw.dev", ["X-Title"] = "SharpClaw" };
        var client = OpenAICompatibleChatClientFactory.Create(ProviderEndpoint.Create("openrouter", Server.Url("/api/v1"), "sk-or-test", headers), "openai/gpt-5-mini");

        var updates = await CollectAsync(client, Thinking("low"));

        Assert.Equal("Considering the question", Reasoning(updates));
        Assert.Equal("Yes.", Text(updates));
        Assert.Equal(ChatFinishReason.Stop, Finish(updates));
        Assert.Equal("https://sharpclaw.dev", Server.LastRequest.Header("HTTP-Referer"));
        Assert.Equal("SharpClaw", Server.LastRequest.Header("X-Title"));
        Assert.Equal("openai/gpt-5-mini", Server.LastRequest.Json["model"]!.GetValue<string>());
    }

    [Fact]
    public async Task Non_streaming_call_maps_errors_too()
    {
        Server.On("POST", Path, GoldenReply.JsonFile(401, "openai/error-401.json"));

        var ex = await Assert.ThrowsAsync<ProviderException>(() => Client().GetResponseAsync(Hello(), cancellationToken: TestContext.Current.CancellationToken));

        Assert.Equal(FailoverReason.Auth, ex.Reason);
        Assert.Equal(401, ex.HttpStatus);
    }

    [Theory]
    [InlineData("auto", "\"auto\"")]
    [InlineData("none", "\"none\"")]
    [InlineData("required", "\"required\"")]
    [InlineData("get_weather", "{\"type\":\"function\",\"function\":{\"name\":\"get_weather\"}}")]
    public async Task Tool_mode_becomes_tool_choice(string mode, string expected)
    {
        Server.On("POST", Path, GoldenReply.SseFile("openai/chat-text.sse"));
        ChatToolMode toolMode = mode switch
        {
            "auto" => ChatToolMode.Auto,
            "none" => ChatToolMode.None,
            "required" => ChatToolMode.RequireAny,
            _ => ChatToolMode.RequireSpecific(mode),
        };

        await CollectAsync(Client(), new ChatOptions { Tools = [WeatherTool()], ToolMode = toolMode });

        Assert.Equal(expected, Server.LastRequest.Json["tool_choice"]!.ToJsonString());
        Assert.Equal("get_weather", Server.LastRequest.Json["tools"]![0]!["function"]!["name"]!.GetValue<string>());
    }

    [Fact]
    public async Task Messages_and_tools_reused_across_calls_are_sent_the_same_way_every_time()
    {
        Server.On("POST", Path, GoldenReply.SseFile("openai/chat-text.sse"));
        var tool = WeatherTool();
        var history = new List<ChatMessage>
        {
            new(ChatRole.User, "first"),
            new(ChatRole.Assistant, [new FunctionCallContent("c1", "get_weather", new Dictionary<string, object?> { ["city"] = "Paris" })]),
            new(ChatRole.Tool, [new FunctionResultContent("c1", "sunny")]),
            new(ChatRole.Assistant, "It is sunny."),
        };

        await CollectAsync(Client(), new ChatOptions { Tools = [tool] }, [.. history, new(ChatRole.User, "again")]);
        var first = Server.LastRequest.Json;
        await CollectAsync(Client(), new ChatOptions { Tools = [tool] }, [.. history, new(ChatRole.User, "again")]);
        var second = Server.LastRequest.Json;

        Assert.Equal(first["messages"]!.ToJsonString(), second["messages"]!.ToJsonString());
        Assert.Equal(first["tools"]!.ToJsonString(), second["tools"]!.ToJsonString());
        Assert.Equal("c1", first["messages"]![1]!["tool_calls"]![0]!["id"]!.GetValue<string>());
        Assert.Equal("sunny", first["messages"]![2]!["content"]!.GetValue<string>());
        Assert.Equal("tool", first["messages"]![2]!["role"]!.GetValue<string>());
        Assert.Equal("auto", first["tool_choice"]!.GetValue<string>());
    }

    private IChatClient Client(string model = "gpt-5-mini")
        => OpenAICompatibleChatClientFactory.Create(ProviderEndpoint.Create("openai", Server.Url("/v1"), "sk-test"), model);
}
