using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace SharpClaw.Gateway.Tests.ControlUi;

/// <summary>
/// A fake OpenAI chat-completions server (real SSE wire format) with a script: a prompt containing "use a tool"
/// first gets a <c>session_status</c> tool call, and once the tool result is in the conversation, a text reply
/// streamed word by word. Any other prompt gets <see cref="Reply"/> streamed.
/// </summary>
public sealed class ScriptedOpenAiProvider : IAsyncDisposable
{
    private readonly WebApplication _app;

    private ScriptedOpenAiProvider(WebApplication app, Uri baseUrl)
    {
        _app = app;
        BaseUrl = baseUrl;
    }

    public Uri BaseUrl { get; }

    public string Reply { get; set; } = "Hello **from** the scripted provider.";

    public string AfterToolReply { get; set; } = "The session status tool says all is well.";

    public int ChunkDelayMs { get; set; } = 40;

    /// <summary>Every request body received, in order.</summary>
    public List<JsonObject> Bodies { get; } = [];

    public static async Task<ScriptedOpenAiProvider> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        ScriptedOpenAiProvider? self = null;
        app.MapPost("/v1/chat/completions", (RequestDelegate)(http => self!.HandleAsync(http)));
        await app.StartAsync();
        self = new ScriptedOpenAiProvider(app, new Uri(app.Urls.First().TrimEnd('/') + "/v1"));
        return self;
    }

    public JsonObject ProviderConfig() => new()
    {
        ["providers"] = new JsonObject
        {
            ["openai"] = new JsonObject
            {
                ["baseUrl"] = BaseUrl.ToString(),
                ["apiKey"] = "sk-test-fake-key-0123456789",
                ["models"] = new JsonArray(new JsonObject { ["id"] = "gpt-test", ["contextWindow"] = 128000, ["cost"] = new JsonObject { ["input"] = 1, ["output"] = 2, ["cacheRead"] = 0.5, ["cacheWrite"] = 0 } }),
            },
        },
    };

    private async Task HandleAsync(HttpContext http)
    {
        var body = (JsonObject)(await JsonNode.ParseAsync(http.Request.Body))!;
        lock (Bodies)
        {
            Bodies.Add(body);
        }

        var messages = body["messages"]!.AsArray();
        var hasToolResult = (string?)messages[^1]!["role"] == "tool";
        var lastUser = messages.LastOrDefault(m => (string?)m!["role"] == "user")?["content"]?.ToJsonString() ?? string.Empty;
        http.Response.ContentType = "text/event-stream";
        if (lastUser.Contains("use a tool", StringComparison.OrdinalIgnoreCase) && !hasToolResult)
        {
            var call = new JsonObject { ["index"] = 0, ["id"] = "call_ui_1", ["type"] = "function", ["function"] = new JsonObject { ["name"] = "session_status", ["arguments"] = "{}" } };
            await ChunkAsync(http, new JsonObject { ["tool_calls"] = new JsonArray(call) }, null);
            await ChunkAsync(http, new JsonObject(), "tool_calls");
        }
        else
        {
            var text = hasToolResult ? AfterToolReply : Reply;
            foreach (var word in text.Split(' '))
            {
                await Task.Delay(ChunkDelayMs, http.RequestAborted);
                await ChunkAsync(http, new JsonObject { ["content"] = word + " " }, null);
            }

            await ChunkAsync(http, new JsonObject(), "stop");
        }

        await WriteAsync(http, new JsonObject
        {
            ["id"] = "chatcmpl-ui",
            ["object"] = "chat.completion.chunk",
            ["created"] = 1764000000,
            ["model"] = "gpt-test",
            ["choices"] = new JsonArray(),
            ["usage"] = new JsonObject { ["prompt_tokens"] = 120, ["completion_tokens"] = 30, ["total_tokens"] = 150 },
        });
        await http.Response.WriteAsync("data: [DONE]\n\n");
    }

    private static Task ChunkAsync(HttpContext http, JsonObject delta, string? finish)
        => WriteAsync(http, new JsonObject
        {
            ["id"] = "chatcmpl-ui",
            ["object"] = "chat.completion.chunk",
            ["created"] = 1764000000,
            ["model"] = "gpt-test",
            ["choices"] = new JsonArray(new JsonObject { ["index"] = 0, ["delta"] = delta, ["finish_reason"] = finish }),
        });

    private static async Task WriteAsync(HttpContext http, JsonObject chunk)
    {
        await http.Response.WriteAsync("data: " + chunk.ToJsonString() + "\n\n", Encoding.UTF8);
        await http.Response.Body.FlushAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
