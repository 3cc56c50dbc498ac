using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text;

namespace SharpClaw.Bench;

/// <summary>
/// <c>/v1/chat/completions</c> through the gateway (streaming and not, concurrency 1 and 16) beside the same load
/// sent straight to the zero-latency fake provider, so the gateway's own overhead per request is visible.
/// </summary>
internal static class HttpApiBench
{
    private const string ChatBody = "{\"model\":\"openclaw\",\"messages\":[{\"role\":\"user\",\"content\":\"ping\"}]}";
    private const string ChatStreamBody = "{\"model\":\"openclaw\",\"stream\":true,\"messages\":[{\"role\":\"user\",\"content\":\"ping\"}]}";
    private const string DirectBody = "{\"model\":\"bench\",\"stream\":true,\"messages\":[{\"role\":\"user\",\"content\":\"ping\"}]}";

    public static async Task RunAsync(string exe, bool quick, Action<string, string> row, int warmSeconds = 12)
    {
        await using var fake = await FakeProvider.StartAsync();
        var config = FakeProvider.Config(fake.BaseUrl).Replace("\"gateway\": {", "\"gateway\": { \"http\": { \"endpoints\": { \"chatCompletions\": { \"enabled\": true } } },", StringComparison.Ordinal);
        await using var gw = GatewayProcess.Start(exe, config);
        await Scenarios.TimeToFirstHealthAsync(gw, GatewayProcess.Token);
        var gateway = new Uri($"http://127.0.0.1:{gw.Port}/v1/chat/completions");
        var direct = new Uri(fake.BaseUrl + "/chat/completions");
        var n1 = quick ? 200 : 1000;
        var n16 = quick ? 1600 : 8000;
        // Steady state, as for the WebSocket turns: both request shapes for a fixed time before measuring.
        var warm = Stopwatch.StartNew();
        while (warm.Elapsed.TotalSeconds < warmSeconds)
        {
            await LoadAsync(gateway, ChatBody, 16, 400);
            await LoadAsync(gateway, ChatStreamBody, 16, 400);
            await LoadAsync(gateway, ChatBody, 1, 100);
            await Scenarios.AgentTurnsAsync(gw.Url, 16, 320, "warm");
        }

        await LoadAsync(direct, DirectBody, 4, 200);
        await Task.Delay(1000);
        var models = new Uri($"http://127.0.0.1:{gw.Port}/v1/models");
        var m1 = await LoadAsync(models, null, 1, n1);
        var m16 = await LoadAsync(models, null, 16, n16);
        row("GET /v1/models (HTTP layer + auth alone, no agent turn), concurrency 1 / 16: p50, req/s", $"{m1.P50:0.000} ms, {m1.Rate:0}/s / {m16.P50:0.000} ms, {m16.Rate:0}/s");
        var rpc1 = await Scenarios.AgentTurnsAsync(gw.Url, 1, quick ? 100 : 400);
        var rpc16 = await Scenarios.AgentTurnsAsync(gw.Url, 16, quick ? 320 : 1600);
        row("same agent turn over WebSocket `agent.wait` (reference), concurrency 1 / 16: p50, turns/s", $"{rpc1.P50:0.00} ms, {rpc1.Rate:0}/s / {rpc16.P50:0.00} ms, {rpc16.Rate:0}/s");
        foreach (var (label, body) in new[] { ("non-streaming", ChatBody), ("streaming", ChatStreamBody) })
        {
            foreach (var (concurrency, count) in new[] { (1, n1), (16, n16) })
            {
                var d = await LoadAsync(direct, DirectBody, concurrency, count);
                var g = await LoadAsync(gateway, body, concurrency, count);
                row($"/v1/chat/completions {label}, concurrency {concurrency}: p50 / p99, req/s",
                    $"{g.P50:0.00} / {g.P99:0.00} ms, {g.Rate:0} req/s (fake direct: {d.P50:0.00} / {d.P99:0.00} ms, {d.Rate:0} req/s; overhead p50 {g.P50 - d.P50:0.00} ms)");
            }
        }
    }

    private static async Task<(double P50, double P99, double Rate)> LoadAsync(Uri url, string? body, int concurrency, int count)
    {
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = concurrency + 4 }) { Timeout = TimeSpan.FromSeconds(60) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", GatewayProcess.Token);
        var samples = new List<double>(count);
        var next = 0;
        var total = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async _ =>
        {
            while (Interlocked.Increment(ref next) <= count)
            {
                var sw = Stopwatch.StartNew();
                using var content = body is null ? null : new StringContent(body, Encoding.UTF8, "application/json");
                using var response = content is null ? await http.GetAsync(url) : await http.PostAsync(url, content);
                var text = await response.Content.ReadAsStringAsync();
                if (!response.IsSuccessStatusCode)
                {
                    throw new InvalidOperationException($"{url} answered {(int)response.StatusCode}: {text}");
                }

                lock (samples)
                {
                    samples.Add(sw.Elapsed.TotalMilliseconds);
                }
            }
        }));
        return (Stats.Percentile(samples, 50), Stats.Percentile(samples, 99), samples.Count / total.Elapsed.TotalSeconds);
    }
}
