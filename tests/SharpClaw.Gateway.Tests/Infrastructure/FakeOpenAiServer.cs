using System.Collections.Concurrent;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace SharpClaw.Gateway.Tests.Infrastructure;

/// <summary>
/// A fake OpenAI-compatible provider on 127.0.0.1:0 speaking the real chat-completions SSE wire format
/// (chat.completion.chunk lines, a usage chunk, then [DONE]), so the real OpenAI adapter runs against it.
/// Queued <see cref="FakeOpenAiReply"/> answers (text or a tool call) play first, in order; after that every
/// request gets <see cref="Words"/> streamed.
/// </summary>
public sealed class FakeOpenAiServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<FakeOpenAiReply> _script = new();

    private FakeOpenAiServer(WebApplication app, Uri baseUrl)
    {
        _app = app;
        BaseUrl = baseUrl;
    }

    public Uri BaseUrl { get; }

    /// <summary>Chunks streamed per unscripted reply (one SSE chunk each).</summary>
    public IReadOnlyList<string> Words { get; set; } = ["Hello", " from", " the", " fake", " provider"];

    /// <summary>Delay before each streamed chunk.</summary>
    public int DelayMs { get; set; }

    public int Requests;

    public List<JsonObject> Bodies { get; } = [];

    /// <summary>Request headers, one dictionary per chat request (same order as <see cref="Bodies"/>).</summary>
    public List<Dictionary<string, string>> Headers { get; } = [];

    public static async Task<FakeOpenAiServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        FakeOpenAiServer? self = null;
        app.MapPost("/v1/chat/completions", (RequestDelegate)(http => self!.HandleAsync(http)));
        await app.StartAsync();
        self = new FakeOpenAiServer(app, new Uri(app.Urls.First().TrimEnd('/') + "/v1"));
        return self;
    }

    /// <summary>Queues answers for the next requests (in order).</summary>
    public void Enqueue(params FakeOpenAiReply[] replies)
    {
        foreach (var reply in replies)
        {
            _script.Enqueue(reply);
        }
    }

    /// <summary><c>models</c> config with this server as the <c>openai</c> provider and a priced <c>gpt-test</c> model.</summary>
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
        Interlocked.Increment(ref Requests);
        var body = (JsonObject)(await JsonNode.ParseAsync(http.Request.Body))!;
        lock (Bodies)
        {
            Bodies.Add(body);
            Headers.Add(http.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase));
        }

        http.Response.ContentType = "text/event-stream";
        var model = (string?)body["model"] ?? "gpt-test";
        var reply = _script.TryDequeue(out var next) ? next : new FakeOpenAiReply { Chunks = Words };
        foreach (var chunk in reply.Chunks)
        {
            if (DelayMs > 0)
            {
                await Task.Delay(DelayMs, http.RequestAborted);
            }

            await ChunkAsync(http, model, new JsonObject { ["content"] = chunk }, null);
        }

        if (reply.ToolName is { } tool)
        {
            var call = new JsonObject { ["index"] = 0, ["id"] = "call_" + Guid.NewGuid().ToString("N")[..8], ["type"] = "function", ["function"] = new JsonObject { ["name"] = tool, ["arguments"] = reply.ToolArgumentsJson } };
            await ChunkAsync(http, model, new JsonObject { ["tool_calls"] = new JsonArray(call) }, null);
        }

        await ChunkAsync(http, model, new JsonObject(), reply.ToolName is null ? "stop" : "tool_calls");
        await WriteAsync(http, Envelope(model, new JsonArray(), new JsonObject { ["prompt_tokens"] = 42, ["completion_tokens"] = 7, ["total_tokens"] = 49, ["prompt_tokens_details"] = new JsonObject { ["cached_tokens"] = 10 } }));
        await http.Response.WriteAsync("data: [DONE]\n\n");
    }

    private static Task ChunkAsync(HttpContext http, string model, JsonObject delta, string? finish)
        => WriteAsync(http, Envelope(model, new JsonArray(new JsonObject { ["index"] = 0, ["delta"] = delta, ["finish_reason"] = finish }), null));

    private static JsonObject Envelope(string model, JsonArray choices, JsonObject? usage)
    {
        var chunk = new JsonObject { ["id"] = "chatcmpl-1", ["object"] = "chat.completion.chunk", ["created"] = 1764000000, ["model"] = model, ["choices"] = choices };
        if (usage is not null)
        {
            chunk["usage"] = usage;
        }

        return chunk;
    }

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
