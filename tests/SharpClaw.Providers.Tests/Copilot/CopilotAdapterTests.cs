using Microsoft.Extensions.AI;
using SharpClaw.Providers.Abstractions;
using SharpClaw.Providers.Tests.Infrastructure;
using static SharpClaw.Providers.Tests.Infrastructure.ChatStreams;

namespace SharpClaw.Providers.Tests.Copilot;

public sealed class CopilotAdapterTests : CopilotTestBase
{
    protected override void Arrange()
    {
        Server.On("GET", CopilotTestContext.ExchangePath, Ctx.ExchangeReply("tid=1;exp=9;proxy-ep=proxy.individual.githubcopilot.com", TimeSpan.FromMinutes(30)));
    }

    [Fact]
    public async Task Streams_text_with_the_exchanged_token_and_editor_headers()
    {
        Server.On("POST", CopilotTestContext.ChatPath, GoldenReply.SseFile("copilot/chat-text.sse"));

        var updates = await CollectAsync(Ctx.Provider().CreateChatClient("gpt-4.1"));

        Assert.Equal("Hi from Copilot", Text(updates));
        Assert.Equal(ChatFinishReason.Stop, Finish(updates));
        Assert.Equal(new TokenUsage(512, 5, 1024, 0), Usage(updates)); // 1536 prompt incl. 1024 cached

        var exchange = Assert.Single(Server.RequestsTo(CopilotTestContext.ExchangePath));
        Assert.Equal("token " + CopilotTestContext.GitHubToken, exchange.Header("Authorization"));
        Assert.Equal("vscode/1.107.0", exchange.Header("Editor-Version"));

        var chat = Assert.Single(Server.RequestsTo(CopilotTestContext.ChatPath));
        Assert.Equal("Bearer tid=1;exp=9;proxy-ep=proxy.individual.githubcopilot.com", chat.Header("Authorization"));
        Assert.Equal("vscode-chat", chat.Header("Copilot-Integration-Id"));
        Assert.Equal("vscode/1.107.0", chat.Header("Editor-Version"));
        Assert.Equal("copilot-chat/0.35.0", chat.Header("Editor-Plugin-Version"));
        Assert.Equal("conversation-edits", chat.Header("Openai-Intent"));
        Assert.Equal("user", chat.Header("X-Initiator"));
        Assert.Equal("gpt-4.1", chat.Json["model"]!.GetValue<string>());
        Assert.True(chat.Json["stream"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Assembles_tool_calls_and_marks_follow_ups_as_agent_initiated()
    {
        Server.On("POST", CopilotTestContext.ChatPath, GoldenReply.SseFile("copilot/chat-tool-call.sse"));
        var client = Ctx.Provider().CreateChatClient("gpt-4.1");

        var updates = await CollectAsync(client, new ChatOptions { Tools = [WeatherTool()] });

        var call = SingleCall(updates);
        Assert.Equal("call_7Ks2LpQ9vXr3TnYb", call.CallId);
        Assert.Equal("Oslo", Arg(call, "city"));
        Assert.Equal(ChatFinishReason.ToolCalls, Finish(updates));
        Assert.Equal(new TokenUsage(288, 19, 0, 0), Usage(updates));

        IList<ChatMessage> followUp =
        [
            new(ChatRole.User, "Weather in Oslo?"),
            new(ChatRole.Assistant, [call]),
            new(ChatRole.Tool, [new FunctionResultContent(call.CallId, "4°C, light rain")]),
        ];
        Server.On("POST", CopilotTestContext.ChatPath, GoldenReply.SseFile("copilot/chat-text.sse"));
        await CollectAsync(client, new ChatOptions { Tools = [WeatherTool()] }, followUp);

        Assert.Equal("agent", Server.LastRequest.Header("X-Initiator"));
        Assert.Single(Server.RequestsTo(CopilotTestContext.ExchangePath)); // the token was reused
    }

    [Theory]
    [InlineData("gpt-4.1", null)]
    [InlineData("gpt-5-mini", "high")]
    public async Task Thinking_reaches_only_models_that_reason(string model, string? effort)
    {
        Server.On("POST", CopilotTestContext.ChatPath, GoldenReply.SseFile("copilot/chat-text.sse"));
        var options = Thinking("high");
        options.Reasoning = new ReasoningOptions { Effort = ReasoningEffort.High };

        await CollectAsync(Ctx.Provider().CreateChatClient(model), options);

        Assert.Equal(effort, Server.LastRequest.Json["reasoning_effort"]?.GetValue<string>());
    }

    [Theory]
    [InlineData(401, "copilot/error-401.json", FailoverReason.Auth)]
    [InlineData(402, "copilot/error-402.json", FailoverReason.Billing)]
    [InlineData(429, "copilot/error-429.json", FailoverReason.RateLimit)]
    [InlineData(500, "copilot/error-500.json", FailoverReason.ServerError)]
    public async Task Chat_errors_are_classified(int status, string body, FailoverReason reason)
    {
        Server.On("POST", CopilotTestContext.ChatPath, GoldenReply.JsonFile(status, body));

        var ex = await FailureAsync(Ctx.Provider().CreateChatClient("gpt-4.1"));

        Assert.Equal(reason, ex.Reason);
        Assert.Equal(status, ex.HttpStatus);
        Assert.Equal("github-copilot", ex.Provider);
    }

    [Fact]
    public async Task Context_overflow_is_classified_for_compaction()
    {
        Server.On("POST", CopilotTestContext.ChatPath, GoldenReply.JsonFile(400, "copilot/error-400-context.json"));

        var ex = await FailureAsync(Ctx.Provider().CreateChatClient("gpt-4.1"));

        Assert.Equal(FailoverReason.ContextOverflow, ex.Reason);
        Assert.False(ex.IsFailoverWorthy);
    }

    [Fact]
    public async Task A_stream_cut_mid_way_is_a_timeout_not_an_answer()
    {
        Server.On("POST", CopilotTestContext.ChatPath, GoldenReply.SseFile("copilot/chat-cut.sse") with { AbortAtEnd = true });

        var ex = await FailureAsync(Ctx.Provider().CreateChatClient("gpt-4.1"));

        Assert.Equal(FailoverReason.Timeout, ex.Reason);
    }

    [Fact]
    public async Task Unauthorized_chat_drops_the_token_so_the_next_call_exchanges_again()
    {
        Server.On("POST", CopilotTestContext.ChatPath, GoldenReply.JsonFile(401, "copilot/error-401.json"), GoldenReply.SseFile("copilot/chat-text.sse"));
        var client = Ctx.Provider().CreateChatClient("gpt-4.1");

        await FailureAsync(client);
        var updates = await CollectAsync(client);

        Assert.Equal("Hi from Copilot", Text(updates));
        Assert.Equal(2, Server.RequestsTo(CopilotTestContext.ExchangePath).Count);
    }

    [Fact]
    public async Task Discovers_chat_models_and_skips_embeddings()
    {
        Server.On("GET", "/models", GoldenReply.JsonFile(200, "copilot/models.json"));
        var provider = new SharpClaw.Providers.Copilot.CopilotProvider(new SharpClaw.Providers.Copilot.CopilotProviderOptions
        {
            GitHubToken = CopilotTestContext.GitHubToken,
            GitHubApiUrl = Server.BaseUri,
            IncludeDefaultModels = false,
            TimeProvider = Ctx.Clock,
        });

        var models = await provider.ListModelsAsync(TestContext.Current.CancellationToken);

        Assert.Equal(["gpt-4.1", "gpt-5-mini", "claude-sonnet-4.6"], models.Select(m => m.Ref.Model));
        Assert.Equal(200_000, models[2].ContextWindow);
        Assert.Equal([false, true, false], models.Select(m => m.Reasoning));
        Assert.Equal("vscode-chat", Server.LastRequest.Header("Copilot-Integration-Id"));
    }

    [Fact]
    public async Task A_failed_discovery_is_not_retried_for_five_minutes()
    {
        Server.On("GET", "/models", GoldenReply.Json(403, """{"message":"Copilot is not enabled for this account"}"""));
        var provider = new SharpClaw.Providers.Copilot.CopilotProvider(new SharpClaw.Providers.Copilot.CopilotProviderOptions
        {
            GitHubToken = CopilotTestContext.GitHubToken,
            GitHubApiUrl = Server.BaseUri,
            TimeProvider = Ctx.Clock,
        });

        var first = await provider.ListModelsAsync(TestContext.Current.CancellationToken);
        await provider.ListModelsAsync(TestContext.Current.CancellationToken);
        Assert.Single(Server.RequestsTo("/models"));
        Assert.NotNull(provider.DiscoveryError);
        Assert.Contains(first, m => m.Ref.Model == "gpt-4.1" && m.Source == "default");

        Ctx.Clock.Advance(TimeSpan.FromMinutes(5));
        await provider.ListModelsAsync(TestContext.Current.CancellationToken);
        Assert.Equal(2, Server.RequestsTo("/models").Count);
    }

    [Fact]
    public void Without_a_github_token_the_provider_names_what_to_set()
    {
        var provider = new SharpClaw.Providers.Copilot.CopilotProvider(new SharpClaw.Providers.Copilot.CopilotProviderOptions());

        Assert.False(provider.IsConfigured);
        var ex = Assert.Throws<ProviderException>(() => provider.CreateChatClient("gpt-4.1"));
        Assert.Equal(FailoverReason.Auth, ex.Reason);
        Assert.Contains("COPILOT_GITHUB_TOKEN", ex.Message, StringComparison.Ordinal);
        Assert.Contains("models auth login --provider github-copilot", ex.Message, StringComparison.Ordinal);
    }
}
