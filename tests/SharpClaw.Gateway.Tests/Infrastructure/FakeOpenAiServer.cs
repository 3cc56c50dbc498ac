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
/// </summary>
public sealed class FakeOpenAiServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private FakeOpenAiServer(WebApplication app, Uri baseUrl)
    {
        _app = app;
        BaseUrl = baseUrl;
    }

    public Uri BaseUrl { get; }

    /// <summary>Words streamed per reply (one chunk each).</summary>
    public string[] Words { get; set; } = ["Hello", " from", " the", " fake", " provider"];

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
        app.MapPost("/v1/chat/completions", (RequestDelegate)(async http =>
        {
            Interlocked.Increment(ref self!.Requests);
            var body = (JsonObject)(await JsonNode.ParseAsync(http.Request.Body))!;
            lock (self.Bodies)
            {
                self.Bodies.Add(body);
                self.Headers.Add(http.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase));
            }

            http.Response.ContentType = "text/event-stream";
            var model = (string?)body["model"] ?? "gpt-test";
            foreach (var word in self.Words)
            {
                if (self.DelayMs > 0)
                {
                    await Task.Delay(self.DelayMs, http.RequestAborted);
                }

                await Write(http, $$"""{"id":"chatcmpl-1","object":"chat.completion.chunk","created":1764000000,"model":"{{model}}","choices":[{"index":0,"delta":{"content":{{JsonValue.Create(word).ToJsonString()}}},"finish_reason":null}]}""");
            }

            await Write(http, $$"""{"id":"chatcmpl-1","object":"chat.completion.chunk","created":1764000000,"model":"{{model}}","choices":[{"index":0,"delta":{},"finish_reason":"stop"}]}""");
            var usage = new JsonObject
            {
                ["id"] = "chatcmpl-1",
                ["object"] = "chat.completion.chunk",
                ["created"] = 1764000000,
                ["model"] = model,
                ["choices"] = new JsonArray(),
                ["usage"] = new JsonObject { ["prompt_tokens"] = 42, ["completion_tokens"] = 7, ["total_tokens"] = 49, ["prompt_tokens_details"] = new JsonObject { ["cached_tokens"] = 10 } },
            };
            await Write(http, usage.ToJsonString());
            await http.Response.WriteAsync("data: [DONE]\n\n");
        }));
        await app.StartAsync();
        var address = app.Urls.First();
        self = new FakeOpenAiServer(app, new Uri(address.TrimEnd('/') + "/v1"));
        return self;

        static async Task Write(HttpContext http, string json)
        {
            await http.Response.WriteAsync("data: " + json + "\n\n", Encoding.UTF8);
            await http.Response.Body.FlushAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
