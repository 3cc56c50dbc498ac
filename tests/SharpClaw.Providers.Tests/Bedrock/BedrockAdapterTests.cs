using System.Security.Cryptography;
using System.Text;
using Amazon.Runtime;
using Microsoft.Extensions.AI;
using SharpClaw.Providers.Abstractions;
using SharpClaw.Providers.Tests.Infrastructure;
using static SharpClaw.Providers.Tests.Bedrock.BedrockTestContext;
using static SharpClaw.Providers.Tests.Infrastructure.ChatStreams;

namespace SharpClaw.Providers.Tests.Bedrock;

public sealed class BedrockAdapterTests : GoldenServerTestBase
{

    [Fact]
    public async Task Streams_text_with_cache_reads_from_an_event_stream()
    {
        Server.On("POST", ConversePath, BedrockFrames.Reply("bedrock/converse-text.jsonl"));

        var updates = await CollectAsync(Client());

        Assert.Equal("Hello from Bedrock!", Text(updates));
        Assert.Equal(ChatFinishReason.Stop, Finish(updates));
        Assert.Equal(new TokenUsage(24, 9, 2048, 0), Usage(updates));
    }

    [Fact]
    public async Task Request_is_sigv4_signed_with_the_injected_credentials_and_clock()
    {
        Server.On("POST", ConversePath, BedrockFrames.Reply("bedrock/converse-text.jsonl"));

        await CollectAsync(Client());

        var request = Server.LastRequest;
        Assert.StartsWith($"AWS4-HMAC-SHA256 Credential={AccessKey}/20260102/eu-west-1/bedrock/aws4_request, SignedHeaders=", request.Header("Authorization"), StringComparison.Ordinal);
        Assert.Contains("Signature=", request.Header("Authorization"), StringComparison.Ordinal);
        Assert.Equal("20260102T030405Z", request.Header("X-Amz-Date"));
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(request.Body))), request.Header("X-Amz-Content-SHA256"));
        Assert.Null(request.Header("x-amz-security-token"));
        Assert.Equal("application/vnd.amazon.eventstream", request.Header("Accept"));
    }

    [Fact]
    public async Task Session_credentials_add_the_security_token()
    {
        Server.On("POST", ConversePath, BedrockFrames.Reply("bedrock/converse-text.jsonl"));
        var provider = Provider(Server, credentials: new SessionAWSCredentials(AccessKey, "fake-secret-key", "fake-session-token"));

        await CollectAsync(provider.CreateChatClient(Model));

        Assert.Equal("fake-session-token", Server.LastRequest.Header("x-amz-security-token"));
        Assert.Contains("x-amz-security-token", Server.LastRequest.Header("Authorization"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Builds_messages_system_tool_config_and_inference_config()
    {
        Server.On("POST", ConversePath, BedrockFrames.Reply("bedrock/converse-text.jsonl"));
        List<ChatMessage> history =
        [
            new(ChatRole.System, "You are terse."),
            new(ChatRole.User, [new TextContent("Weather in Paris? See:"), new DataContent(new byte[] { 1, 2, 3 }, "image/jpeg")]),
            new(ChatRole.Assistant, [new TextReasoningContent("thinking…") { ProtectedData = "sig-1" }, new FunctionCallContent("tooluse_1", "get_weather", new Dictionary<string, object?> { ["city"] = "Paris" })]),
            new(ChatRole.Tool, [new FunctionResultContent("tooluse_1", "18°C")]),
            new(ChatRole.User, "Thanks. And tomorrow?"),
        ];

        await CollectAsync(Client(), new ChatOptions { Tools = [WeatherTool()], MaxOutputTokens = 2048, Temperature = 0.3f, StopSequences = ["END"] }, history);

        var body = Server.LastRequest.Json;
        Assert.Equal("You are terse.", (string?)body["system"]![0]!["text"]);
        var messages = body["messages"]!.AsArray();
        Assert.Equal(["user", "assistant", "user"], messages.Select(m => (string?)m!["role"]).ToArray());
        Assert.Equal("jpeg", (string?)messages[0]!["content"]![1]!["image"]!["format"]);
        Assert.Equal("AQID", (string?)messages[0]!["content"]![1]!["image"]!["source"]!["bytes"]);
        Assert.Equal("sig-1", (string?)messages[1]!["content"]![0]!["reasoningContent"]!["reasoningText"]!["signature"]);
        Assert.Equal("Paris", (string?)messages[1]!["content"]![1]!["toolUse"]!["input"]!["city"]);
        var userTurn = messages[2]!["content"]!.AsArray();
        Assert.Equal("tooluse_1", (string?)userTurn[0]!["toolResult"]!["toolUseId"]);
        Assert.Equal("18°C", (string?)userTurn[0]!["toolResult"]!["content"]![0]!["text"]);
        Assert.Equal("Thanks. And tomorrow?", (string?)userTurn[1]!["text"]);
        var spec = body["toolConfig"]!["tools"]![0]!["toolSpec"]!;
        Assert.Equal("get_weather", (string?)spec["name"]);
        Assert.Equal("object", (string?)spec["inputSchema"]!["json"]!["type"]);
        Assert.Equal(2048, (int?)body["inferenceConfig"]!["maxTokens"]);
        Assert.Equal("END", (string?)body["inferenceConfig"]!["stopSequences"]![0]);
        Assert.Null(body["additionalModelRequestFields"]);
    }

    [Fact]
    public async Task Assembles_streamed_tool_use_input_and_reports_cache_writes()
    {
        Server.On("POST", ConversePath, BedrockFrames.Reply("bedrock/converse-tool-use.jsonl"));

        var updates = await CollectAsync(Client(), new ChatOptions { Tools = [WeatherTool()], ToolMode = ChatToolMode.RequireSpecific("get_weather") });

        Assert.Equal("Let me check the weather.", Text(updates));
        var call = SingleCall(updates);
        Assert.Equal("tooluse_kZJMlvQmRJ6eAyJE5GIl7Q", call.CallId);
        Assert.Equal("get_weather", call.Name);
        Assert.Equal("Paris", Arg(call, "city"));
        Assert.Equal("celsius", Arg(call, "unit"));
        Assert.Equal(ChatFinishReason.ToolCalls, Finish(updates));
        Assert.Equal(new TokenUsage(412, 71, 0, 1536), Usage(updates));
        Assert.Equal("get_weather", (string?)Server.LastRequest.Json["toolConfig"]!["toolChoice"]!["tool"]!["name"]);
    }

    [Fact]
    public async Task Streams_reasoning_with_its_signature()
    {
        Server.On("POST", ConversePath, BedrockFrames.Reply("bedrock/converse-thinking.jsonl"));

        var updates = await CollectAsync(Client(), Thinking("medium"));

        Assert.Equal("The user wants 17 × 3. 17 × 3 = 51.", Reasoning(updates));
        Assert.Equal("17 × 3 = 51.", Text(updates));
        var signature = updates.SelectMany(u => u.Contents).OfType<TextReasoningContent>().Single(r => r.ProtectedData is not null);
        Assert.StartsWith("EqQBCkgIBxAB", signature.ProtectedData, StringComparison.Ordinal);
        Assert.Equal(new TokenUsage(46, 88, 0, 0), Usage(updates));
    }

    [Theory]
    [InlineData("minimal", 1024)]
    [InlineData("low", 4096)]
    [InlineData("medium", 10000)]
    [InlineData("high", 32000)]
    public async Task Thinking_level_becomes_a_claude_budget_in_additional_fields(string level, int budget)
    {
        Server.On("POST", ConversePath, BedrockFrames.Reply("bedrock/converse-thinking.jsonl"));
        var options = Thinking(level);
        options.Temperature = 0.5f;

        await CollectAsync(Client(), options);

        var body = Server.LastRequest.Json;
        var thinking = body["additionalModelRequestFields"]!["thinking"]!;
        Assert.Equal("enabled", (string?)thinking["type"]);
        Assert.Equal(budget, (int?)thinking["budget_tokens"]);
        Assert.True((int?)body["inferenceConfig"]!["maxTokens"] > budget);
        Assert.Null(body["inferenceConfig"]!["temperature"]);
    }

    [Fact]
    public async Task Thinking_off_or_non_claude_models_send_no_thinking()
    {
        const string nova = "/model/amazon.nova-pro-v1:0/converse-stream";
        Server.On("POST", ConversePath, BedrockFrames.Reply("bedrock/converse-text.jsonl"));
        Server.On("POST", nova, BedrockFrames.Reply("bedrock/converse-text.jsonl"));

        await CollectAsync(Client(), Thinking("off"));
        Assert.Null(Server.LastRequest.Json["additionalModelRequestFields"]);

        await CollectAsync(Provider(Server).CreateChatClient("amazon.nova-pro-v1:0"), Thinking("high"));
        Assert.Null(Server.LastRequest.Json["additionalModelRequestFields"]);
    }

    private IChatClient Client() => Provider(Server).CreateChatClient(Model);
}
