using System.Text.RegularExpressions;
using SharpClaw.Gateway.Hosting;
using SharpClaw.Gateway.Tests.Infrastructure;

namespace SharpClaw.Gateway.Tests.ControlUi;

/// <summary>
/// The UI's tick watchdog against a real gateway that ticks every 2 s (test-only <c>TickInterval</c>, reported in
/// hello-ok <c>policy.tickIntervalMs</c>). Chromium's WebSocket is routed through Playwright so the test can make the
/// first connection go silent (a half-open socket: no ticks, no close) without touching the server.
/// </summary>
[Collection("control-ui-browser")]
public sealed class ControlUiWatchdogTests
{
    private const int TickMs = 2000;

    /// <summary>Records every value the connection badge's data-state takes (with its title) in window.__states.</summary>
    private const string StateRecorder = """
        window.__states = [];
        new MutationObserver(() => {
          const el = document.querySelector('#connection-state');
          const entry = el ? el.dataset.state + ':' + (el.title || '') : null;
          if (entry && window.__states[window.__states.length - 1] !== entry) window.__states.push(entry);
        }).observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-state', 'title'] });
        """;

    [Fact]
    public async Task TickWatchdog_ReconnectsWhenTicksStop()
    {
        await using var gw = await TestGateway.StartAsync(UiGateway.Config(), o => new GatewayHostOptions
        {
            Paths = o.Paths, Port = o.Port, Token = o.Token, Console = o.Console, Environment = o.Environment,
            TickInterval = TimeSpan.FromMilliseconds(TickMs),
        });
        await using (var admin = await ControlUiBrowserTests.AdminAsync(gw))
        {
            Assert.Equal(TickMs, (int)admin.Hello!["policy"]!["tickIntervalMs"]!);
        }

        await using var ui = await UiBrowser.LaunchAsync();
        await ui.Page.AddInitScriptAsync(StateRecorder);
        var sockets = 0;
        var ticksSeen = 0;
        var silenceFirstSocket = false;
        await ui.Page.RouteWebSocketAsync(new Regex("^ws://"), ws =>
        {
            var number = Interlocked.Increment(ref sockets);
            var server = ws.ConnectToServer();
            server.OnMessage(frame =>
            {
                if (number == 1 && Volatile.Read(ref silenceFirstSocket))
                {
                    return;
                }

                if (frame.Text?.Contains("\"event\":\"tick\"", StringComparison.Ordinal) == true)
                {
                    Interlocked.Increment(ref ticksSeen);
                }

                ws.Send(frame.Text!);
            });
        });
        await ui.ConnectAsync(gw.HttpUrl, TestGateway.Token);

        // While ticks flow, the watchdog (2 missed ticks) never fires: three tick intervals later it is the same socket.
        await ui.Page.WaitForTimeoutAsync(TickMs * 3.5f);
        Assert.True(Volatile.Read(ref ticksSeen) >= 2, $"ticks seen: {ticksSeen}");
        Assert.Equal(1, Volatile.Read(ref sockets));
        await ui.Page.WaitForSelectorAsync("#connection-state[data-state=connected]", new() { Timeout = 1000 });

        // The socket goes silent (no ticks, no close): the UI notices, shows it, and reconnects on a new socket.
        Volatile.Write(ref silenceFirstSocket, true);
        await ui.Page.WaitForSelectorAsync(".offline:has-text('reconnecting')", new() { Timeout = TickMs * 6 });
        await ui.ScreenshotAsync("17-tick-watchdog-reconnecting");
        Assert.Equal(1, await ui.Page.Locator("nav.tabs").CountAsync());
        await ui.Page.WaitForFunctionAsync("() => window.__states.filter(s => s.startsWith('connected')).length >= 2", null, new() { Timeout = 30_000 });
        await ui.Page.WaitForSelectorAsync("#connection-state[data-state=connected]");
        Assert.True(Volatile.Read(ref sockets) >= 2);
        var states = await ui.Page.EvaluateAsync<string[]>("window.__states");
        var lost = Array.FindIndex(states, s => s.StartsWith("retrying", StringComparison.Ordinal));
        Assert.True(lost > 0, string.Join(" | ", states));
        Assert.StartsWith("connected", states[lost - 1], StringComparison.Ordinal);
        Assert.Contains("tick timeout", states[lost], StringComparison.Ordinal);
        Assert.Equal(0, await ui.Page.Locator(".offline").CountAsync());
    }
}
