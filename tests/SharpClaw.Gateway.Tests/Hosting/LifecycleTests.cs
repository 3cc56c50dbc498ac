using System.Diagnostics;
using System.Net.WebSockets;
using Microsoft.Extensions.Time.Testing;
using SharpClaw.Gateway.Hosting;
using SharpClaw.Gateway.Tests.Infrastructure;

namespace SharpClaw.Gateway.Tests.Hosting;

public sealed class LifecycleTests
{
    [Fact]
    public async Task Tick_IsBroadcastEvery30Seconds()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var gw = await TestGateway.StartAsync(configure: o => new GatewayHostOptions { Paths = o.Paths, Port = 0, Token = TestGateway.Token, Console = o.Console, Environment = o.Environment, TimeProvider = time });
        await using var client = await gw.ConnectAdminAsync();
        time.Advance(TimeSpan.FromSeconds(30));
        var tick = await client.EventAsync("tick");
        Assert.Equal(time.GetUtcNow().ToUnixTimeMilliseconds(), (long)tick.Payload!["ts"]!);
        time.Advance(TimeSpan.FromSeconds(60));
        var health = await client.EventAsync("health");
        Assert.NotNull(health.Json["stateVersion"]);
    }

    [Fact]
    public async Task Sigterm_SendsShutdownThenCloses1012_AndExitsCleanly()
    {
        var dir = TestGateway.NewStateDir();
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        var psi = new ProcessStartInfo(Path.Combine(AppContext.BaseDirectory, "sharpclaw")) { UseShellExecute = false, RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var a in new[] { "gateway", "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--token", TestGateway.Token })
        {
            psi.ArgumentList.Add(a);
        }

        psi.Environment["OPENCLAW_STATE_DIR"] = dir;
        using var process = Process.Start(psi)!;
        process.BeginErrorReadLine();
        process.BeginOutputReadLine();
        try
        {
            WsTestClient? client = null;
            for (var i = 0; client is null; i++)
            {
                try
                {
                    client = await WsTestClient.OpenAsync(new Uri($"ws://127.0.0.1:{port}/"));
                }
                catch (WebSocketException) when (i < 100)
                {
                    await Task.Delay(100, TestContext.Current.CancellationToken);
                }
            }

            await using (client)
            {
                Assert.True((await client.ConnectAsync(new ConnectOptions { Token = TestGateway.Token, ClientId = "cli", ClientMode = "cli", Scopes = ["operator.admin"] })).Ok);
                using (var kill = Process.Start("kill", ["-TERM", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
                {
                    await kill.WaitForExitAsync(TestContext.Current.CancellationToken);
                }

                var shutdown = await client.EventAsync("shutdown", TimeSpan.FromSeconds(15));
                Assert.Equal("gateway stopping", (string)shutdown.Payload!["reason"]!);
                Assert.Equal((WebSocketCloseStatus)1012, await client.ClosedAsync(TimeSpan.FromSeconds(15)));
            }

            await process.WaitForExitAsync(new CancellationTokenSource(TimeSpan.FromSeconds(15)).Token);
            Assert.Equal(0, process.ExitCode);
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(true);
            }

            Directory.Delete(dir, true);
        }
    }
}
