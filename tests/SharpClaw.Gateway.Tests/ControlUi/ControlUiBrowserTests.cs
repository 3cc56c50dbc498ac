using System.Text.Json.Nodes;
using Microsoft.Playwright;
using SharpClaw.Gateway.Tests.Infrastructure;

namespace SharpClaw.Gateway.Tests.ControlUi;

/// <summary>
/// End-to-end: the built Control UI in headless Chromium against a real gateway and the scripted provider.
/// Screenshots of every page land in artifacts/screenshots/.
/// </summary>
[Collection("control-ui-browser")]
public sealed class ControlUiBrowserTests
{
    /// <summary>A local device-less CLI (keeps its scopes without pairing, even when local auto-approval is off).</summary>
    internal static async Task<WsTestClient> AdminAsync(TestGateway gw)
    {
        var client = await gw.OpenAsync();
        var hello = await client.ConnectAsync(new ConnectOptions { Token = TestGateway.Token, ClientId = "cli", ClientMode = "cli", Scopes = [.. Protocol.Auth.OperatorScopes.CliDefault], WithDevice = false });
        Assert.True(hello.Ok, hello.ToString());
        return client;
    }

    [Fact]
    public async Task FirstConnect_ShowsPairingWait_ThenConnectsOnceApproved()
    {
        await using var gw = await TestGateway.StartAsync(UiGateway.Config(autoApproveLocal: false));
        await using var ui = await UiBrowser.LaunchAsync();
        await ui.Page.GotoAsync(gw.HttpUrl.ToString());
        await ui.Page.WaitForSelectorAsync("#connection-state[data-state=idle]");
        await ui.ScreenshotAsync("01-connect");
        await ui.Page.FillAsync("#secret", TestGateway.Token);
        await ui.Page.ClickAsync("#connect-button");
        var requestId = await (await ui.Page.WaitForSelectorAsync("#pairing-request-id"))!.TextContentAsync();
        Assert.False(string.IsNullOrWhiteSpace(requestId));
        Assert.Contains("Waiting for approval", await ui.Page.TextContentAsync("#pairing-wait") ?? string.Empty, StringComparison.Ordinal);
        await ui.ScreenshotAsync("02-pairing-wait");

        await using var admin = await AdminAsync(gw);
        var list = await admin.CallAsync("device.pair.list");
        var pending = Assert.Single(list.Payload!["pending"]!.AsArray());
        Assert.Equal(requestId, (string)pending!["requestId"]!);
        Assert.Equal("openclaw-control-ui", (string)pending["clientId"]!);
        var approve = await admin.CallAsync("device.pair.approve", new JsonObject { ["requestId"] = requestId });
        Assert.True(approve.Ok, approve.ToString());

        await ui.Page.WaitForSelectorAsync("#connection-state[data-state=connected]", new() { Timeout = 30_000 });
        await ui.Page.WaitForSelectorAsync("#health-state:text('ok')");
        await ui.ScreenshotAsync("03-overview");

        // The device token from hello-ok is remembered: a reload reconnects without asking again.
        await ui.Page.ReloadAsync();
        await ui.Page.WaitForSelectorAsync("#connection-state[data-state=connected]");

        // The gateway drops every socket: the app stays on screen, shows the outage and reconnects by itself.
        await gw.Gateway.Services.Connections.CloseAllAsync((System.Net.WebSockets.WebSocketCloseStatus)1012, "service restart");
        await ui.Page.WaitForSelectorAsync("#connection-state:not([data-state=connected])", new() { Timeout = 5_000 });
        Assert.Equal(1, await ui.Page.Locator("nav.tabs").CountAsync());
        await ui.Page.WaitForSelectorAsync("#connection-state[data-state=connected]", new() { Timeout = 30_000 });
        AssertTokenNeverExposed(ui, gw);
    }

    [Fact]
    public async Task Chat_StreamsReply_AndShowsToolCard_ThenSessionReset()
    {
        await using var provider = await FakeOpenAiServer.StartAsync();
        provider.Enqueue(FakeOpenAiReply.Call("session_status"), FakeOpenAiReply.Text("The session status tool says all is well."));
        await using var gw = await TestGateway.StartAsync(UiGateway.Config(provider));
        await using var ui = await UiBrowser.LaunchAsync();
        await ui.ConnectAsync(gw.HttpUrl, TestGateway.Token);
        await ui.GoAsync("chat");
        await ui.Page.FillAsync("#chat-input", "Please use a tool to check the session");
        await ui.Page.PressAsync("#chat-input", "Enter");
        var card = await ui.Page.WaitForSelectorAsync(".tool-card[data-tool=session_status]");
        Assert.NotNull(card);
        await ui.Page.WaitForSelectorAsync(".msg.assistant .md:has-text('all is well')");
        await ui.Page.ClickAsync(".tool-card[data-tool=session_status] summary");
        Assert.Contains("done", await card!.TextContentAsync() ?? string.Empty, StringComparison.Ordinal);
        Assert.False(string.IsNullOrWhiteSpace(await ui.Page.TextContentAsync(".tool-card .tool-result")));

        // A plain reply streams in: the text grows over several frames before the run ends.
        provider.DelayMs = 150;
        provider.Words = FakeOpenAiReply.WordChunks("one two three four five six seven **eight**");
        await ui.Page.FillAsync("#chat-input", "Say something");
        await ui.Page.ClickAsync("#send-button");
        await ui.Page.WaitForSelectorAsync(".msg.assistant .md:has-text('one two')");
        var partial = await ui.Page.Locator(".msg.assistant .md").Last.TextContentAsync();
        await ui.Page.WaitForSelectorAsync(".msg.assistant .md strong:has-text('eight')");
        Assert.DoesNotContain("eight", partial ?? string.Empty, StringComparison.Ordinal);
        await ui.ScreenshotAsync("04-chat");

        // An image attachment reaches the model as an image part.
        byte[] png = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");
        await ui.Page.SetInputFilesAsync(".composer input[type=file]", new FilePayload { Name = "dot.png", MimeType = "image/png", Buffer = png });
        await ui.Page.WaitForSelectorAsync(".attachments .thumb img");
        await ui.Page.FillAsync("#chat-input", "What is in this picture?");
        await ui.Page.ClickAsync("#send-button");
        await ui.Page.WaitForSelectorAsync(".msg.user img.attachment");
        await ui.Page.WaitForSelectorAsync("#send-button");
        JsonObject last;
        lock (provider.Bodies)
        {
            last = provider.Bodies[^1];
        }

        Assert.Contains("image", last["messages"]!.AsArray()[^1]!["content"]!.ToJsonString(), StringComparison.Ordinal);

        await ui.GoAsync("sessions");
        var row = ui.Page.Locator("#sessions-table tr[data-key='agent:main:main']");
        await row.WaitForAsync();
        Assert.NotEqual("0", (await row.Locator("td").Nth(1).TextContentAsync())?.Trim());
        await row.Locator("button[data-action=reset]").ClickAsync();
        await ui.Page.WaitForSelectorAsync("dialog.confirm[open]");
        await ui.ScreenshotAsync("05-sessions-confirm-reset");
        await ui.Page.ClickAsync("#confirm-ok");
        await ui.Page.WaitForSelectorAsync(".toast:has-text('Session reset')");

        // Reset restarts the model context: token counters go back to zero (the transcript stays on disk).
        await using var admin = await AdminAsync(gw);
        var list = await admin.CallAsync("sessions.list");
        var entry = list.Payload!["sessions"]!.AsArray().Single(x => (string)x!["key"]! == "agent:main:main")!;
        Assert.Equal(0, (long)entry["totalTokens"]!);
        Assert.Equal(1, (long)entry["lifecycleRevision"]!);
        await ui.Page.WaitForSelectorAsync("#sessions-table tr[data-key='agent:main:main'] td:nth-child(2):text-is('0')");
        await ui.ScreenshotAsync("06-sessions");
        AssertTokenNeverExposed(ui, gw);
    }

    [Fact]
    public async Task Config_StaleHash_ShowsConflict_ThenSavesAfterReload()
    {
        await using var gw = await TestGateway.StartAsync(UiGateway.Config());
        await using var ui = await UiBrowser.LaunchAsync();
        await ui.ConnectAsync(gw.HttpUrl, TestGateway.Token);
        await ui.GoAsync("config");
        await ui.Page.WaitForSelectorAsync("#config-hash");
        await ui.ScreenshotAsync("07-config-form");


        // Someone else writes the config after the page loaded it.
        await using var admin = await AdminAsync(gw);
        var current = await admin.CallAsync("config.get");
        var write = await admin.CallAsync("config.patch", new JsonObject { ["raw"] = """{"logging":{"level":"debug"}}""", ["baseHash"] = (string)current.Payload!["hash"]! });
        Assert.True(write.Ok, write.ToString());

        await ui.Page.ClickAsync("#raw-tab");
        var raw = await ui.Page.InputValueAsync("#raw-config");
        await ui.Page.FillAsync("#raw-config", raw.TrimEnd().TrimEnd('}') + ", ui: { seamColor: '#ff0000' } }");
        await ui.Page.ClickAsync("#raw-save");
        var conflict = await ui.Page.WaitForSelectorAsync("#config-conflict");
        Assert.Contains("changed on the gateway since you loaded it", await conflict!.TextContentAsync() ?? string.Empty, StringComparison.Ordinal);
        await ui.ScreenshotAsync("08-config-conflict");

        // Invalid JSON5 shows the validation error; after reloading, a valid edit saves.
        await ui.Page.ClickAsync("#config-conflict button");
        await ui.Page.WaitForSelectorAsync("#config-conflict", new() { State = WaitForSelectorState.Detached });
        await ui.Page.FillAsync("#raw-config", "{ gateway: ");
        await ui.Page.ClickAsync("#raw-save");
        await ui.Page.WaitForSelectorAsync("#config-error:has-text('JSON5')");
        await ui.Page.ClickAsync("button:has-text('Reload')");
        await ui.Page.WaitForSelectorAsync("#config-error", new() { State = WaitForSelectorState.Detached });
        var fresh = await ui.Page.InputValueAsync("#raw-config");
        Assert.Contains("debug", fresh, StringComparison.Ordinal);
        await ui.Page.FillAsync("#raw-config", fresh.Replace("\"debug\"", "\"warn\"", StringComparison.Ordinal));
        var hashBefore = await ui.Page.TextContentAsync("#config-hash");
        await ui.Page.ClickAsync("#raw-save");
        await ui.Page.WaitForFunctionAsync("h => document.querySelector('#config-hash')?.textContent !== h", hashBefore);
        var after = await admin.CallAsync("config.get");
        Assert.Equal("warn", (string?)after.Payload!["parsed"]!["logging"]!["level"]);
    }

    [Fact]
    public async Task Config_GeneratedForm_SavesAFieldWithPatch()
    {
        await using var gw = await TestGateway.StartAsync(UiGateway.Config());
        await using var ui = await UiBrowser.LaunchAsync();
        await ui.ConnectAsync(gw.HttpUrl, TestGateway.Token);
        await ui.GoAsync("config");
        await ui.Page.ClickAsync("nav.sections button:text-is('logging')");
        await ui.Page.SelectOptionAsync("#f-logging-level", "error");
        await ui.Page.ClickAsync("#config-save");
        await ui.Page.WaitForSelectorAsync(".toast:has-text('Config saved')");
        await using var admin = await AdminAsync(gw);
        var config = await admin.CallAsync("config.get");
        Assert.Equal("error", (string?)config.Payload!["parsed"]!["logging"]!["level"]);
        Assert.Equal("token", (string?)config.Payload!["parsed"]!["gateway"]!["auth"]!["mode"]);
    }

    [Fact]
    public async Task EveryPage_Renders_OnDesktopAndPhone_InBothThemes()
    {
        await using var provider = await FakeOpenAiServer.StartAsync();
        await using var gw = await TestGateway.StartAsync(UiGateway.Config(provider));
        await using (var admin = await AdminAsync(gw))
        {
            var run = await admin.CallAsync("agent.wait", new JsonObject { ["message"] = "hi", ["idempotencyKey"] = "seed-1", ["timeoutMs"] = 20000 });
            Assert.True(run.Ok, run.ToString());
        }

        await using (var ui = await UiBrowser.LaunchAsync())
        {
            await ui.ConnectAsync(gw.HttpUrl, TestGateway.Token);
            foreach (var route in new[] { "agents", "devices" })
            {
                await ui.GoAsync(route);
                await ui.Page.WaitForSelectorAsync("main .card h2");
                await ui.Page.WaitForTimeoutAsync(300);
                await ui.ScreenshotAsync($"10-{route}");
            }

            await ui.GoAsync("agents");
            await ui.Page.ClickAsync(".files button:has-text('AGENTS.md')");
            await ui.Page.WaitForSelectorAsync("textarea.editor");
            await ui.ScreenshotAsync("11-agents-file");
            await ui.GoAsync("overview");
            await ui.Page.WaitForSelectorAsync("#log-tail:not(:empty)");
            await ui.ScreenshotAsync("12-overview-with-usage");
        }

        await using (var phone = await UiBrowser.LaunchAsync(390, 844, colorScheme: "dark"))
        {
            await phone.ConnectAsync(gw.HttpUrl, TestGateway.Token);
            await phone.GoAsync("chat");
            await phone.Page.WaitForSelectorAsync(".msg.assistant");
            await phone.ScreenshotAsync("13-phone-dark-chat");
            await phone.GoAsync("sessions");
            await phone.Page.WaitForSelectorAsync("#sessions-table tr[data-key]");
            await phone.ScreenshotAsync("14-phone-dark-sessions");

            // Keyboard: Tab reaches the navigation and Enter follows a link.
            await phone.Page.Keyboard.PressAsync("Tab");
            await phone.Page.Keyboard.PressAsync("Tab");
            var focused = await phone.Page.EvaluateAsync<string>("document.activeElement?.tagName ?? ''");
            Assert.False(string.IsNullOrEmpty(focused));
            Assert.NotEqual("BODY", focused);
        }
    }

    internal static void AssertTokenNeverExposed(UiBrowser ui, TestGateway gw)
    {
        lock (ui.RequestedUrls)
        {
            Assert.NotEmpty(ui.RequestedUrls);
            Assert.DoesNotContain(ui.RequestedUrls, u => u.Contains(TestGateway.Token, StringComparison.Ordinal));
        }

        Assert.DoesNotContain(TestGateway.Token, ui.Page.Url, StringComparison.Ordinal);
        lock (ui.Console)
        {
            Assert.DoesNotContain(ui.Console, l => l.Contains(TestGateway.Token, StringComparison.Ordinal));
        }

        Assert.DoesNotContain(TestGateway.Token, gw.Console.ToString(), StringComparison.Ordinal);
        var logDir = Path.Combine(gw.StateDir, "logs");
        if (Directory.Exists(logDir))
        {
            foreach (var file in Directory.GetFiles(logDir, "*", SearchOption.AllDirectories))
            {
                using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
                using var reader = new StreamReader(stream);
                Assert.DoesNotContain(TestGateway.Token, reader.ReadToEnd(), StringComparison.Ordinal);
            }
        }
    }
}
