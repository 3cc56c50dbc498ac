using System.Diagnostics;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace SharpClaw.Bench;

/// <summary>A zero-latency OpenAI-compatible provider (real chat.completion.chunk SSE) for agent-turn overhead.</summary>
internal sealed class FakeProvider : IAsyncDisposable
{
    private const string Stream =
        "data: {\"id\":\"c\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"bench\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\"pong\"},\"finish_reason\":null}]}\n\n" +
        "data: {\"id\":\"c\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"bench\",\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"stop\"}]}\n\n" +
        "data: {\"id\":\"c\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"bench\",\"choices\":[],\"usage\":{\"prompt_tokens\":10,\"completion_tokens\":1,\"total_tokens\":11}}\n\n" +
        "data: [DONE]\n\n";

    private readonly WebApplication _app;

    private FakeProvider(WebApplication app, Uri baseUrl)
    {
        _app = app;
        BaseUrl = baseUrl;
    }

    public Uri BaseUrl { get; }

    public static string Config(Uri baseUrl) => $$"""
        { "gateway": { "port": $PORT, "auth": { "mode": "token", "token": "{{GatewayProcess.Token}}" } },
          "models": { "providers": { "openai": { "baseUrl": "{{baseUrl}}", "apiKey": "sk-bench-0123456789", "models": [ { "id": "bench" } ] } } },
          "agents": { "defaults": { "model": "openai/bench" } } }
        """;

    public static async Task<FakeProvider> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        app.MapPost("/v1/chat/completions", (RequestDelegate)(async http =>
        {
            await http.Request.Body.CopyToAsync(System.IO.Stream.Null);
            http.Response.ContentType = "text/event-stream";
            await http.Response.WriteAsync(Stream);
        }));
        await app.StartAsync();
        return new FakeProvider(app, new Uri(app.Urls.First().TrimEnd('/') + "/v1"));
    }

    /// <summary>The same request sent straight to the fake: the baseline the gateway's overhead is measured against.</summary>
    public async Task<(double P50, double P99)> MeasureDirectAsync(int requests)
    {
        using var http = new HttpClient();
        var samples = new List<double>();
        var body = "{\"model\":\"bench\",\"stream\":true,\"messages\":[{\"role\":\"user\",\"content\":\"ping\"}]}";
        for (var i = 0; i < requests; i++)
        {
            var sw = Stopwatch.StartNew();
            using var content = new StringContent(body, System.Text.Encoding.UTF8, "application/json");
            using var r = await http.PostAsync(new Uri(BaseUrl, "v1/chat/completions".Replace("v1/", string.Empty, StringComparison.Ordinal)), content);
            await r.Content.ReadAsStringAsync();
            samples.Add(sw.Elapsed.TotalMilliseconds);
        }

        return (Stats.Percentile(samples, 50), Stats.Percentile(samples, 99));
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
