using Microsoft.Extensions.AI;
using SharpClaw.Providers.Abstractions;
using SharpClaw.Providers.Anthropic;
using SharpClaw.Providers.Common;
using SharpClaw.Providers.Tests.Infrastructure;
using static SharpClaw.Providers.Tests.Infrastructure.ChatStreams;

namespace SharpClaw.Providers.Tests.Anthropic;

public sealed class AnthropicAdapterTests : GoldenServerTestBase
{
    private const string Path = "/v1/messages";

    [Fact]
    public async Task Streams_text_with_cache_read_and_write_usage()
    {
        Server.On("POST", Path, GoldenReply.SseFile("anthropic/messages-text.sse"));

        var updates = await CollectAsync(Client());

        Assert.Equal("Hello from Claude!", Text(updates));
        Assert.Equal(ChatFinishReason.Stop, Finish(updates));
        Assert.Equal(new TokenUsage(25, 15, 4096, 1024), Usage(updates));

        var request = Server.LastRequest;
        Assert.Equal("Bearer sk-ant-test", request.Header("Authorization")); // the official SDK sends API keys as bearer tokens
        Assert.NotNull(request.Header("anthropic-version"));
        Assert.Equal("claude-opus-4-6", request.Json["model"]!.GetValue<string>());
        Assert.True(request.Json["stream"]!.GetValue<bool>());
        Assert.Equal(AnthropicChatClientFactory.DefaultMaxOutputTokens, request.Json["max_tokens"]!.GetValue<int>());
        Assert.False(request.Json.ContainsKey("thinking"));
    }

    [Fact]
    public async Task Messages_carrying_an_OpenAI_form_from_an_earlier_provider_are_sent_from_their_content()
    {
        // A session that failed over from an OpenAI-compatible provider: its cached messages carry the OpenAI SDK form
        // (OpenAIConversionCache); the Anthropic adapter must build its request from the content, not that form.
        Server.On("POST", Path, GoldenReply.SseFile("anthropic/messages-text.sse"));
        var message = new ChatMessage(ChatRole.User, "the real question") { RawRepresentation = new global::OpenAI.Chat.UserChatMessage("stale OpenAI form") };

        await CollectAsync(Client(), messages: [message]);

        var sent = Server.LastRequest.Json["messages"]!.ToJsonString();
        Assert.Contains("the real question", sent, StringComparison.Ordinal);
        Assert.DoesNotContain("stale OpenAI form", sent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Assembles_tool_use_from_input_json_deltas()
    {
        Server.On("POST", Path, GoldenReply.SseFile("anthropic/messages-tool-use.sse"));

        var updates = await CollectAsync(Client(), new ChatOptions { Tools = [WeatherTool()] });

        Assert.Equal("Let me check the weather.", Text(updates));
        var call = SingleCall(updates);
        Assert.Equal("toolu_01T1x1fJ34qAmk2tNTrN7Up6", call.CallId);
        Assert.Equal("get_weather", call.Name);
        Assert.Equal("Paris", Arg(call, "city"));
        Assert.Equal("celsius", Arg(call, "unit"));
        Assert.Equal(ChatFinishReason.ToolCalls, Finish(updates));
        Assert.Equal(new TokenUsage(472, 89, 0, 0), Usage(updates));
        Assert.Equal("get_weather", Server.LastRequest.Json["tools"]![0]!["name"]!.GetValue<string>());
    }

    [Fact]
    public async Task Streams_thinking_with_signature()
    {
        Server.On("POST", Path, GoldenReply.SseFile("anthropic/messages-thinking.sse"));

        var updates = await CollectAsync(Client(), Thinking("medium"));

        Assert.StartsWith("I need to find the GCD of 1071 and 462.", Reasoning(updates), StringComparison.Ordinal);
        Assert.EndsWith("So the GCD is 21.", Reasoning(updates), StringComparison.Ordinal);
        Assert.Contains(updates.SelectMany(u => u.Contents).OfType<TextReasoningContent>(), r => r.ProtectedData?.StartsWith("EqQBCgIYAhIM", StringComparison.Ordinal) == true);
        Assert.Equal("The greatest common divisor of 1071 and 462 is **21**.", Text(updates));
        Assert.Equal(new TokenUsage(36, 121, 0, 0), Usage(updates));
    }

    [Theory]
    [InlineData("minimal", 1024)]
    [InlineData("low", 4096)]
    [InlineData("medium", 10000)]
    [InlineData("high", 32000)]
    [InlineData("max", 32000)]
    public async Task Thinking_level_becomes_budget_tokens(string level, int budget)
    {
        Server.On("POST", Path, GoldenReply.SseFile("anthropic/messages-thinking.sse"));

        await CollectAsync(AnthropicChatClientFactory.Create(Endpoint(), "claude-sonnet-4-5"), Thinking(level));

        var body = Server.LastRequest.Json;
        Assert.Equal("enabled", body["thinking"]!["type"]!.GetValue<string>());
        Assert.Equal(budget, body["thinking"]!["budget_tokens"]!.GetValue<int>());
        Assert.True(body["max_tokens"]!.GetValue<int>() > budget);
    }

    [Fact]
    public async Task Thinking_budget_shrinks_to_fit_the_model_cap()
    {
        Server.On("POST", Path, GoldenReply.SseFile("anthropic/messages-thinking.sse"));
        var client = AnthropicChatClientFactory.Create(Endpoint(), "claude-sonnet-4-5", modelMaxOutputTokens: 16000);

        await CollectAsync(client, Thinking("high"));

        var body = Server.LastRequest.Json;
        Assert.Equal(16000, body["max_tokens"]!.GetValue<int>());
        Assert.Equal(16000 - 1024, body["thinking"]!["budget_tokens"]!.GetValue<int>());
    }

    [Theory]
    [InlineData("minimal", "low")]
    [InlineData("low", "low")]
    [InlineData("medium", "medium")]
    [InlineData("high", "high")]
    public async Task Opus_4_6_gets_adaptive_thinking_with_effort(string level, string effort)
    {
        Server.On("POST", Path, GoldenReply.SseFile("anthropic/messages-thinking.sse"));

        await CollectAsync(Client(), Thinking(level));

        var body = Server.LastRequest.Json;
        Assert.Equal("adaptive", body["thinking"]!["type"]!.GetValue<string>());
        Assert.Equal("summarized", body["thinking"]!["display"]!.GetValue<string>());
        Assert.Equal(effort, body["output_config"]!["effort"]!.GetValue<string>());
        Assert.False(body["thinking"]!.AsObject().ContainsKey("budget_tokens"));
    }

    [Fact]
    public async Task Thinking_off_sends_no_thinking_block()
    {
        Server.On("POST", Path, GoldenReply.SseFile("anthropic/messages-text.sse"));

        await CollectAsync(Client(), Thinking("off"));

        Assert.False(Server.LastRequest.Json.ContainsKey("thinking"));
    }

    [Fact]
    public async Task MiniMax_uses_its_own_base_url()
    {
        Server.On("POST", "/anthropic/v1/messages", GoldenReply.SseFile("anthropic/messages-text.sse"));
        var client = AnthropicChatClientFactory.Create(ProviderEndpoint.Create("minimax", Server.Url("/anthropic"), "mm-test"), "MiniMax-VL-01");

        var updates = await CollectAsync(client);

        Assert.Equal("Hello from Claude!", Text(updates));
        Assert.Equal("/anthropic/v1/messages", Server.LastRequest.Path);
        Assert.Equal("MiniMax-VL-01", Server.LastRequest.Json["model"]!.GetValue<string>());
    }

    private ProviderEndpoint Endpoint() => ProviderEndpoint.Create("anthropic", Server.BaseUri, "sk-ant-test");

    private IChatClient Client() => AnthropicChatClientFactory.Create(Endpoint(), "claude-opus-4-6");
}
