using System.Text.Json;
using Microsoft.Extensions.AI;
using SharpClaw.Providers.Abstractions;
using SharpClaw.Providers.Common;
using SharpClaw.Providers.Ollama;
using SharpClaw.Providers.Tests.Infrastructure;
using static SharpClaw.Providers.Tests.Infrastructure.ChatStreams;

namespace SharpClaw.Providers.Tests.Ollama;

public sealed class OllamaAdapterTests : GoldenServerTestBase
{
    private const string Path = "/api/chat";

    [Fact]
    public async Task Streams_ndjson_text_with_eval_count_usage()
    {
        Server.On("POST", Path, GoldenReply.NdjsonFile("ollama/chat-text.ndjson"));

        var updates = await CollectAsync(Client(), new ChatOptions { Instructions = "Be brief.", Temperature = 0.2f, MaxOutputTokens = 256 });

        Assert.Equal("Hello from Ollama!", Text(updates));
        Assert.Equal(ChatFinishReason.Stop, Finish(updates));
        Assert.Equal(new TokenUsage(26, 4, 0, 0), Usage(updates));

        var body = Server.LastRequest.Json;
        Assert.Equal("llama3.2", body["model"]!.GetValue<string>());
        Assert.True(body["stream"]!.GetValue<bool>());
        Assert.Equal("system", body["messages"]![0]!["role"]!.GetValue<string>());
        Assert.Equal("Be brief.", body["messages"]![0]!["content"]!.GetValue<string>());
        Assert.Equal("Hello?", body["messages"]![1]!["content"]!.GetValue<string>());
        Assert.Equal(256, body["options"]!["num_predict"]!.GetValue<int>());
        Assert.False(body.ContainsKey("think"));
    }

    [Fact]
    public async Task Tool_call_arrives_whole_with_object_arguments()
    {
        Server.On("POST", Path, GoldenReply.NdjsonFile("ollama/chat-tool-call.ndjson"));

        var updates = await CollectAsync(Client("qwen3:8b"), new ChatOptions { Tools = [WeatherTool()] });

        var call = SingleCall(updates);
        Assert.Equal("call_a1b2c3d4", call.CallId);
        Assert.Equal("get_weather", call.Name);
        Assert.Equal("Paris", Arg(call, "city"));
        Assert.Equal("celsius", Arg(call, "unit"));
        Assert.Equal(ChatFinishReason.ToolCalls, Finish(updates));
        Assert.Equal(new TokenUsage(182, 31, 0, 0), Usage(updates));
        var tool = Server.LastRequest.Json["tools"]![0]!;
        Assert.Equal("function", tool["type"]!.GetValue<string>());
        Assert.Equal("get_weather", tool["function"]!["name"]!.GetValue<string>());
        Assert.Equal("object", tool["function"]!["parameters"]!["type"]!.GetValue<string>());
    }

    [Fact]
    public async Task Tool_history_is_sent_with_tool_name()
    {
        Server.On("POST", Path, GoldenReply.NdjsonFile("ollama/chat-text.ndjson"));
        var arguments = new Dictionary<string, object?> { ["city"] = "Paris" };
        IList<ChatMessage> history =
        [
            new(ChatRole.User, "Weather in Paris?"),
            new(ChatRole.Assistant, [new TextReasoningContent("Need the tool."), new FunctionCallContent("call_1", "get_weather", arguments)]),
            new(ChatRole.Tool, [new FunctionResultContent("call_1", JsonSerializer.SerializeToElement(new { temp = 18 }))]),
        ];

        await CollectAsync(Client(), messages: history);

        var messages = Server.LastRequest.Json["messages"]!.AsArray();
        Assert.Equal(3, messages.Count);
        Assert.Equal("Need the tool.", messages[1]!["thinking"]!.GetValue<string>());
        Assert.Equal("get_weather", messages[1]!["tool_calls"]![0]!["function"]!["name"]!.GetValue<string>());
        Assert.Equal("Paris", messages[1]!["tool_calls"]![0]!["function"]!["arguments"]!["city"]!.GetValue<string>());
        Assert.Equal("tool", messages[2]!["role"]!.GetValue<string>());
        Assert.Equal("get_weather", messages[2]!["tool_name"]!.GetValue<string>());
        Assert.Equal("""{"temp":18}""", messages[2]!["content"]!.GetValue<string>());
    }

    [Fact]
    public async Task Streams_thinking_and_sends_think_flag()
    {
        Server.On("POST", Path, GoldenReply.NdjsonFile("ollama/chat-thinking.ndjson"));

        var updates = await CollectAsync(Client("qwen3:8b"), Thinking("high"));

        Assert.Equal("The user wants 2+2.", Reasoning(updates));
        Assert.Equal("4", Text(updates));
        Assert.Equal(new TokenUsage(18, 12, 0, 0), Usage(updates));
        Assert.True(Server.LastRequest.Json["think"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Thinking_off_sends_think_false()
    {
        Server.On("POST", Path, GoldenReply.NdjsonFile("ollama/chat-text.ndjson"));

        await CollectAsync(Client(), Thinking("off"));

        Assert.False(Server.LastRequest.Json["think"]!.GetValue<bool>());
    }

    private IChatClient Client(string model = "llama3.2")
        => OllamaChatClientFactory.Create(ProviderEndpoint.Create("ollama", Server.BaseUri, null), model);
}
