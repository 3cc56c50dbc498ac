#pragma warning disable OPENAI001 // the Responses client is marked experimental in the SDK
using System.ClientModel;
using System.Text.Json.Nodes;
using OpenAI;
using OpenAI.Chat;
using OpenAI.Responses;
using SharpClaw.Gateway.Tests.Infrastructure;

namespace SharpClaw.Gateway.Tests.HttpApi;

/// <summary>The official OpenAI .NET SDK against the gateway: chat completions and responses, streaming and not, with tools.</summary>
public sealed class OpenAiSdkTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static OpenAIClientOptions Options(HttpApiHost host) => new() { Endpoint = new Uri(host.Gateway.HttpUrl, "v1") };

    private static ChatClient Chat(HttpApiHost host, string model = "openclaw") => new(model, new ApiKeyCredential(TestGateway.Token), Options(host));

    private static ResponsesClient Responses(HttpApiHost host) => new(new ApiKeyCredential(TestGateway.Token), new ResponsesClientOptions { Endpoint = new Uri(host.Gateway.HttpUrl, "v1") });

    private static readonly BinaryData WeatherSchema = BinaryData.FromString("""{"type":"object","properties":{"city":{"type":"string"}},"required":["city"]}""");

    [Fact]
    public async Task ChatCompletion_NonStreaming_WithSystemPromptAndUsage()
    {
        await using var host = await HttpApiHost.StartAsync();
        host.Model.Enqueue(new ScriptedReply(["Hello", " there"]) { InputTokens = 40, OutputTokens = 2, CacheRead = 2 });
        ChatCompletion completion = await Chat(host, "openclaw/beta").CompleteChatAsync([new SystemChatMessage("Be brief."), new UserChatMessage("hi")], cancellationToken: Ct);
        Assert.Equal("Hello there", completion.Content[0].Text);
        Assert.Equal(ChatFinishReason.Stop, completion.FinishReason);
        Assert.Equal((42, 2, 44), (completion.Usage.InputTokenCount, completion.Usage.OutputTokenCount, completion.Usage.TotalTokenCount));
        Assert.Equal("beta", host.LastRun.AgentId);
        Assert.Equal("Be brief.", host.LastRun.ExtraSystemPrompt);
    }

    [Fact]
    public async Task ChatCompletion_Streaming_DeliversDeltasAndUsage()
    {
        await using var host = await HttpApiHost.StartAsync();
        host.Model.Enqueue(new ScriptedReply(["one ", "two ", "three"]) { InputTokens = 5, OutputTokens = 3, CacheRead = 0 });
        var text = new System.Text.StringBuilder();
        ChatFinishReason? finish = null;
        ChatTokenUsage? usage = null;
        await foreach (var update in Chat(host).CompleteChatStreamingAsync([new UserChatMessage("count")], new ChatCompletionOptions(), Ct))
        {
            foreach (var part in update.ContentUpdate)
            {
                text.Append(part.Text);
            }

            finish ??= update.FinishReason;
            usage ??= update.Usage;
        }

        Assert.Equal("one two three", text.ToString());
        Assert.Equal(ChatFinishReason.Stop, finish);
        Assert.Equal(8, usage?.TotalTokenCount);
    }

    [Fact]
    public async Task ChatCompletion_ClientTool_ReturnsToolCalls_ThenToolResultContinues()
    {
        await using var host = await HttpApiHost.StartAsync();
        host.Model.Enqueue(new ScriptedReply([]) { ToolCalls = [("get_weather", new Dictionary<string, object?> { ["city"] = "Taipei" })] });
        var options = new ChatCompletionOptions { Tools = { ChatTool.CreateFunctionTool("get_weather", "Weather for a city", WeatherSchema) } };
        List<ChatMessage> messages = [new UserChatMessage("Weather in Taipei?")];
        ChatCompletion first = await Chat(host).CompleteChatAsync(messages, options, Ct);
        Assert.Equal(ChatFinishReason.ToolCalls, first.FinishReason);
        var call = Assert.Single(first.ToolCalls);
        Assert.Equal("get_weather", call.FunctionName);
        Assert.Equal("Taipei", (string?)JsonNode.Parse(call.FunctionArguments.ToString())!["city"]);

        host.Model.Enqueue(new ScriptedReply(["Sunny in Taipei."]));
        messages.Add(new AssistantChatMessage(first));
        messages.Add(new ToolChatMessage(call.Id, "Sunny, 30C"));
        ChatCompletion second = await Chat(host).CompleteChatAsync(messages, options, Ct);
        Assert.Equal("Sunny in Taipei.", second.Content[0].Text);
        Assert.EndsWith("Tool: Sunny, 30C", host.LastRun.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ChatCompletion_StreamingToolCall()
    {
        await using var host = await HttpApiHost.StartAsync();
        host.Model.Enqueue(new ScriptedReply([]) { ToolCalls = [("get_weather", new Dictionary<string, object?> { ["city"] = "Oslo" })] });
        var options = new ChatCompletionOptions { Tools = { ChatTool.CreateFunctionTool("get_weather", "Weather for a city", WeatherSchema) } };
        string? name = null;
        var args = new System.Text.StringBuilder();
        ChatFinishReason? finish = null;
        await foreach (var update in Chat(host).CompleteChatStreamingAsync([new UserChatMessage("Weather in Oslo?")], options, Ct))
        {
            foreach (var tool in update.ToolCallUpdates)
            {
                name ??= tool.FunctionName;
                args.Append(tool.FunctionArgumentsUpdate?.ToString());
            }

            finish ??= update.FinishReason;
        }

        Assert.Equal("get_weather", name);
        Assert.Equal("Oslo", (string?)JsonNode.Parse(args.ToString())!["city"]);
        Assert.Equal(ChatFinishReason.ToolCalls, finish);
    }

    [Fact]
    public async Task ChatCompletion_Errors_SurfaceAsClientResultExceptions()
    {
        await using var host = await HttpApiHost.StartAsync();
        var badModel = await Assert.ThrowsAsync<ClientResultException>(() => Chat(host, "gpt-4o").CompleteChatAsync([new UserChatMessage("hi")], cancellationToken: Ct));
        Assert.Equal(400, badModel.Status);
        var unauthorized = new ChatClient("openclaw", new ApiKeyCredential("wrong"), Options(host));
        var denied = await Assert.ThrowsAsync<ClientResultException>(() => unauthorized.CompleteChatAsync([new UserChatMessage("hi")], cancellationToken: Ct));
        Assert.Equal(401, denied.Status);
    }

    [Fact]
    public async Task Models_ListedThroughTheSdk()
    {
        await using var host = await HttpApiHost.StartAsync();
        var models = new OpenAI.Models.OpenAIModelClient(new ApiKeyCredential(TestGateway.Token), Options(host));
        var list = await models.GetModelsAsync(Ct);
        Assert.Contains(list.Value, m => m.Id == "openclaw/beta");
    }

    [Fact]
    public async Task Responses_NonStreaming()
    {
        await using var host = await HttpApiHost.StartAsync();
        host.Model.Enqueue(new ScriptedReply(["Bonjour"]) { InputTokens = 7, OutputTokens = 1, CacheRead = 0 });
        var options = new CreateResponseOptions { Model = "openclaw", Instructions = "Answer in French.", InputItems = { ResponseItem.CreateUserMessageItem("hello") } };
        ResponseResult response = (await Responses(host).CreateResponseAsync(options, Ct)).Value;
        Assert.Equal("Bonjour", response.GetOutputText());
        Assert.Equal(ResponseStatus.Completed, response.Status);
        Assert.Equal(8, response.Usage.TotalTokenCount);
        Assert.Equal("Answer in French.", host.LastRun.ExtraSystemPrompt);
    }

    [Fact]
    public async Task Responses_Streaming_TextDeltasThenCompleted()
    {
        await using var host = await HttpApiHost.StartAsync();
        host.Model.Enqueue(new ScriptedReply(["str", "eam"]));
        var options = new CreateResponseOptions { Model = "openclaw", InputItems = { ResponseItem.CreateUserMessageItem("go") }, StreamingEnabled = true };
        var text = new System.Text.StringBuilder();
        ResponseResult? completed = null;
        await foreach (var update in await Responses(host).CreateResponseStreamingAsync(options, Ct))
        {
            if (update is StreamingResponseOutputTextDeltaUpdate delta)
            {
                text.Append(delta.Delta);
            }
            else if (update is StreamingResponseCompletedUpdate done)
            {
                completed = done.Response;
            }
        }

        Assert.Equal("stream", text.ToString());
        Assert.Equal(ResponseStatus.Completed, completed?.Status);
        Assert.Equal("stream", completed?.GetOutputText());
    }

    [Fact]
    public async Task Responses_ClientTool_IncompleteWithFunctionCall_ThenFollowUpCompletes()
    {
        await using var host = await HttpApiHost.StartAsync();
        host.Model.Enqueue(new ScriptedReply(["Checking."]) { ToolCalls = [("get_weather", new Dictionary<string, object?> { ["city"] = "Lima" })] });
        var tool = ResponseTool.CreateFunctionTool("get_weather", WeatherSchema, strictModeEnabled: false, functionDescription: "Weather for a city");
        var first = (await Responses(host).CreateResponseAsync(new CreateResponseOptions { Model = "openclaw", InputItems = { ResponseItem.CreateUserMessageItem("Weather in Lima?") }, Tools = { tool } }, Ct)).Value;
        Assert.Equal(ResponseStatus.Incomplete, first.Status);
        var call = Assert.Single(first.OutputItems.OfType<FunctionCallResponseItem>());
        Assert.Equal("get_weather", call.FunctionName);
        Assert.Equal("Lima", (string?)JsonNode.Parse(call.FunctionArguments.ToString())!["city"]);

        host.Model.Enqueue(new ScriptedReply(["Lima is cloudy."]));
        var followUp = new CreateResponseOptions { Model = "openclaw", PreviousResponseId = first.Id, InputItems = { ResponseItem.CreateFunctionCallOutputItem(call.CallId, "Cloudy, 18C") }, Tools = { tool } };
        var second = (await Responses(host).CreateResponseAsync(followUp, Ct)).Value;
        Assert.Equal(ResponseStatus.Completed, second.Status);
        Assert.Equal("Lima is cloudy.", second.GetOutputText());
        Assert.Equal(host.Runs.First().SessionKey, host.LastRun.SessionKey);
    }

    [Fact]
    public async Task Responses_StreamingClientToolCall()
    {
        await using var host = await HttpApiHost.StartAsync();
        host.Model.Enqueue(new ScriptedReply([]) { ToolCalls = [("get_weather", new Dictionary<string, object?> { ["city"] = "Rome" })] });
        var tool = ResponseTool.CreateFunctionTool("get_weather", WeatherSchema, strictModeEnabled: false);
        var options = new CreateResponseOptions { Model = "openclaw", InputItems = { ResponseItem.CreateUserMessageItem("Weather in Rome?") }, Tools = { tool }, StreamingEnabled = true };
        FunctionCallResponseItem? call = null;
        ResponseResult? completed = null;
        await foreach (var update in await Responses(host).CreateResponseStreamingAsync(options, Ct))
        {
            if (update is StreamingResponseOutputItemDoneUpdate { Item: FunctionCallResponseItem fc })
            {
                call = fc;
            }
            else if (update is StreamingResponseCompletedUpdate done)
            {
                completed = done.Response;
            }
        }

        Assert.Equal("get_weather", call?.FunctionName);
        Assert.Equal(ResponseStatus.Incomplete, completed?.Status);
    }
}
