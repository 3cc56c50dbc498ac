using System.Diagnostics;
using System.Net.WebSockets;
using System.Text.Json.Nodes;
using SharpClaw.Core.Client;

namespace SharpClaw.Bench;

internal static class Scenarios
{
    public static async Task<double> TimeToFirstHealthAsync(GatewayProcess gw, string token = GatewayProcess.Token)
    {
        while (true)
        {
            try
            {
                await using var c = await RawRpcClient.ConnectAsync(gw.Url, token, CancellationToken.None);
                await c.SendAsync("""{"type":"req","id":"h","method":"health"}""", CancellationToken.None);
                await c.ReadResponseIdAsync(CancellationToken.None);
                return gw.Started.Elapsed.TotalMilliseconds;
            }
            catch (WebSocketException)
            {
                if (gw.Process.HasExited)
                {
                    throw new InvalidOperationException("gateway exited during start-up");
                }

                await Task.Delay(5);
            }
        }
    }

    public static async Task<(double P50, double P99, double Rate)> ClosedLoopAsync(Uri url, TimeSpan duration)
    {
        await using var c = await RawRpcClient.ConnectAsync(url, GatewayProcess.Token, CancellationToken.None);
        var samples = new List<double>();
        var total = Stopwatch.StartNew();
        var n = 0;
        while (total.Elapsed < duration)
        {
            var sw = Stopwatch.StartNew();
            await c.SendAsync($$"""{"type":"req","id":"{{n++}}","method":"health"}""", CancellationToken.None);
            await c.ReadResponseIdAsync(CancellationToken.None);
            samples.Add(sw.Elapsed.TotalMilliseconds);
        }

        return (Stats.Percentile(samples, 50), Stats.Percentile(samples, 99), samples.Count / total.Elapsed.TotalSeconds);
    }

    public static async Task<(double P50, double P99, double Rate)> ConcurrentClosedLoopAsync(Uri url, int connections, TimeSpan duration)
    {
        var results = await Task.WhenAll(Enumerable.Range(0, connections).Select(_ => ClosedLoopAsync(url, duration)));
        return (results.Average(r => r.P50), results.Max(r => r.P99), results.Sum(r => r.Rate));
    }

    /// <summary>Each connection keeps <paramref name="inFlight"/> requests outstanding; returns RPC/s.</summary>
    public static async Task<double> PipelinedAsync(Uri url, int connections, int inFlight, int totalRequests)
    {
        var clients = await Task.WhenAll(Enumerable.Range(0, connections).Select(_ => RawRpcClient.ConnectAsync(url, GatewayProcess.Token, CancellationToken.None)));
        var perConnection = totalRequests / connections;
        var sw = Stopwatch.StartNew();
        await Task.WhenAll(clients.Select(async c =>
        {
            var sent = 0;
            var received = 0;
            for (; sent < Math.Min(inFlight, perConnection); sent++)
            {
                await c.SendAsync($$"""{"type":"req","id":"{{sent}}","method":"health"}""", CancellationToken.None);
            }

            while (received < perConnection)
            {
                await c.ReadResponseIdAsync(CancellationToken.None);
                received++;
                if (sent < perConnection)
                {
                    await c.SendAsync($$"""{"type":"req","id":"{{sent++}}","method":"health"}""", CancellationToken.None);
                }
            }
        }));
        var rate = perConnection * connections / sw.Elapsed.TotalSeconds;
        foreach (var c in clients)
        {
            await c.DisposeAsync();
        }

        return rate;
    }

    public static double RunCliHealth(string exe, Uri url, string stateDir)
    {
        var psi = exe.EndsWith(".dll", StringComparison.Ordinal) ? new ProcessStartInfo("dotnet") : new ProcessStartInfo(exe);
        if (exe.EndsWith(".dll", StringComparison.Ordinal))
        {
            psi.ArgumentList.Add(exe);
        }

        foreach (var a in new[] { "health", "--json", "--url", url.ToString(), "--token", GatewayProcess.Token })
        {
            psi.ArgumentList.Add(a);
        }

        psi.Environment["OPENCLAW_STATE_DIR"] = stateDir;
        psi.RedirectStandardOutput = true;
        psi.RedirectStandardError = true;
        var sw = Stopwatch.StartNew();
        using var p = Process.Start(psi)!;
        p.StandardOutput.ReadToEnd();
        p.WaitForExit();
        if (p.ExitCode != 0)
        {
            throw new InvalidOperationException("sharpclaw health failed: " + p.StandardError.ReadToEnd());
        }

        return sw.Elapsed.TotalMilliseconds;
    }

    public static async Task<(double P50, double P99, double Rate, int Count)> AgentTurnsAsync(Uri url, int sessions, int turns, string sessionPrefix = "bench")
    {
        // Like OpenClaw's own clients: declare session-scoped-events and follow only the session this client drives.
        var clients = await Task.WhenAll(Enumerable.Range(0, sessions).Select(async i =>
        {
            var c = await GatewayClient.ConnectAsync(new GatewayClientOptions { Url = url, Token = GatewayProcess.Token, Caps = ["session-scoped-events"] });
            await c.CallAsync("sessions.messages.subscribe", new JsonObject { ["key"] = $"{sessionPrefix}-{i}" });
            return c;
        }));
        var samples = new List<double>();
        var perSession = turns / sessions;
        var total = Stopwatch.StartNew();
        await Task.WhenAll(clients.Select(async (c, i) =>
        {
            for (var t = 0; t < perSession; t++)
            {
                var sw = Stopwatch.StartNew();
                var r = await c.CallAsync("agent.wait", new JsonObject { ["message"] = "ping", ["sessionKey"] = $"{sessionPrefix}-{i}", ["idempotencyKey"] = Guid.NewGuid().ToString(), ["timeoutMs"] = 60000 });
                if ((string?)r?["status"] != "ok")
                {
                    throw new InvalidOperationException("turn failed: " + r?.ToJsonString());
                }

                lock (samples)
                {
                    samples.Add(sw.Elapsed.TotalMilliseconds);
                }
            }
        }));
        var rate = samples.Count / total.Elapsed.TotalSeconds;
        foreach (var c in clients)
        {
            await c.DisposeAsync();
        }

        return (Stats.Percentile(samples, 50), Stats.Percentile(samples, 99), rate, samples.Count);
    }

    /// <summary>Creates sessions with two turns each (… ×25 = 50 messages) through chat.inject, then lists them.</summary>
    public static async Task ManySessionsAsync(Uri url, int sessions, int pairs)
    {
        await using var c = await GatewayClient.ConnectAsync(new GatewayClientOptions { Url = url, Token = GatewayProcess.Token });
        await Task.WhenAll(Enumerable.Range(0, 4).Select(async worker =>
        {
            for (var s = worker; s < sessions; s += 4)
            {
                for (var m = 0; m < pairs * 2; m++)
                {
                    await c.CallAsync("chat.inject", new JsonObject { ["sessionKey"] = $"many-{s}", ["message"] = $"message {m} of a reasonably ordinary length for a chat transcript entry" });
                }
            }
        }));
        await c.CallAsync("sessions.list", new JsonObject { ["limit"] = 5000 });
    }
}
