using SharpClaw.Gateway.Tests.HttpApi;
using SharpClaw.Gateway.Tests.Infrastructure;

namespace SharpClaw.Gateway.Tests.Interop;

/// <summary>End to end: the official <c>openai</c> npm client (run by node 22) against the gateway's HTTP API.</summary>
public sealed class OpenAiNodeClientTests
{
    [Fact]
    public async Task OpenAiNpmClient_ChatCompletionsAndResponses_StreamingToolsAndErrors()
    {
        await using var host = await HttpApiHost.StartAsync();
        host.Model.Enqueue(new ScriptedReply(["Hi", "!"]) { InputTokens = 9, OutputTokens = 2, CacheRead = 1 });
        host.Model.Enqueue(new ScriptedReply(["a", "b", "c"]));
        host.Model.Enqueue(new ScriptedReply([]) { ToolCalls = [("get_weather", new Dictionary<string, object?> { ["city"] = "Paris" })] });
        host.Model.Enqueue(new ScriptedReply(["Bonjour"]));
        host.Model.Enqueue(new ScriptedReply(["x", "y"]));
        host.Model.Enqueue(new ScriptedReply([]) { ToolCalls = [("get_weather", new Dictionary<string, object?> { ["city"] = "Lima" })] });
        host.Model.Enqueue(new ScriptedReply(["Lima is cloudy."]));

        await using var script = NodeScript.Start("openai-http.mjs", new Dictionary<string, string>
        {
            ["SHARPCLAW_HTTP_URL"] = host.Gateway.HttpUrl.ToString(),
            ["SHARPCLAW_TOKEN"] = TestGateway.Token,
        });
        var exit = await script.ExitCodeAsync(TimeSpan.FromSeconds(90));
        while (await script.NextAsync(TimeSpan.FromSeconds(5)) is not null)
        {
        }

        var steps = script.Lines.ToDictionary(l => (string)l["step"]!, l => l);
        Assert.True(exit == 0, $"openai-http.mjs exited {exit}: {string.Join("\n", script.Lines.Select(l => l.ToJsonString()))}\n{script.Stderr}");
        Assert.Contains("openclaw/main", steps["models"]["ids"]!.AsArray().Select(n => (string)n!));
        Assert.Equal(("Hi!", "stop", 12), ((string?)steps["chat"]["content"], (string?)steps["chat"]["finish"], (int)steps["chat"]["usage"]!["total_tokens"]!));
        Assert.Equal("abc", (string?)steps["chat-stream"]["content"]);
        Assert.NotNull(steps["chat-stream"]["usage"]);
        Assert.Equal(("tool_calls", "get_weather", "Paris"), ((string?)steps["chat-tools"]["finish"], (string?)steps["chat-tools"]["name"], (string?)steps["chat-tools"]["args"]!["city"]));
        Assert.Equal(("completed", "Bonjour"), ((string?)steps["responses"]["status"], (string?)steps["responses"]["text"]));
        Assert.Equal("xy", (string?)steps["responses-stream"]["text"]);
        Assert.Equal("response.created", (string?)steps["responses-stream"]["types"]![0]);
        Assert.Equal("response.completed", (string?)steps["responses-stream"]["types"]!.AsArray()[^1]);
        var tools = steps["responses-tools"];
        Assert.Equal(("incomplete", "get_weather", "Lima", "completed", "Lima is cloudy."), ((string?)tools["firstStatus"], (string?)tools["name"], (string?)tools["args"]!["city"], (string?)tools["secondStatus"], (string?)tools["text"]));
        Assert.Equal(400, (int)steps["error"]["status"]!);
        Assert.Contains("Invalid `model`", (string?)steps["error"]["message"], StringComparison.Ordinal);
    }
}
