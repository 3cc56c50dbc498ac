using SharpClaw.Gateway.Tests.Infrastructure;

namespace SharpClaw.Gateway.Tests.ControlUi;

/// <summary>Browser-level security: the CSP really blocks inline script, model output cannot run script, and a page
/// served to a foreign origin cannot open a gateway session.</summary>
[Collection("control-ui-browser")]
public sealed class ControlUiSecurityTests
{
    [Fact]
    public async Task Csp_BlocksInjectedInlineScript_AndMarkdownCannotRunScript()
    {
        await using var provider = await FakeOpenAiServer.StartAsync();
        provider.Words = FakeOpenAiReply.WordChunks("Look <img src=x onerror=\"window.__xss=1\"> <script>window.__xss=2</script> [link](javascript:window.__xss=3) done");
        await using var gw = await TestGateway.StartAsync(UiGateway.Config(provider));
        await using var ui = await UiBrowser.LaunchAsync();
        await ui.ConnectAsync(gw.HttpUrl, TestGateway.Token);

        // An inline <script> added to the live document (as an injection would) is refused by script-src 'self'.
        var violation = ui.Page.EvaluateAsync<string>("""
            new Promise(resolve => {
              document.addEventListener('securitypolicyviolation', e => resolve(e.violatedDirective), { once: true });
              const s = document.createElement('script');
              s.textContent = 'window.__pwned = true';
              document.body.appendChild(s);
              setTimeout(() => resolve('none'), 3000);
            })
            """);
        Assert.StartsWith("script-src", await violation, StringComparison.Ordinal);
        Assert.False(await ui.Page.EvaluateAsync<bool>("window.__pwned === true"));

        await ui.GoAsync("chat");
        await ui.Page.FillAsync("#chat-input", "show me html");
        await ui.Page.PressAsync("#chat-input", "Enter");
        await ui.Page.WaitForSelectorAsync(".msg.assistant .md:has-text('done')");
        await ui.Page.ClickAsync(".msg.assistant .md a", new() { Force = true, Timeout = 3000 }).ContinueWith(_ => { }, TestContext.Current.CancellationToken);
        Assert.Equal(0, await ui.Page.EvaluateAsync<int>("window.__xss ?? 0"));
        Assert.Equal(0, await ui.Page.Locator(".msg.assistant script, .msg.assistant [onerror]").CountAsync());
        ControlUiBrowserTests.AssertTokenNeverExposed(ui, gw);
    }

    [Fact]
    public async Task PageFromADisallowedOrigin_IsRefusedByTheGateway()
    {
        await using var gw = await TestGateway.StartAsync(UiGateway.Config());
        var port = gw.Gateway.Port;
        var foreign = $"http://evil.test:{port}";
        await using var ui = await UiBrowser.LaunchAsync(args: [$"--host-resolver-rules=MAP evil.test 127.0.0.1", $"--unsafely-treat-insecure-origin-as-secure={foreign}"]);
        await ui.Page.GotoAsync(foreign + "/");
        await ui.Page.FillAsync("#secret", TestGateway.Token);
        await ui.Page.ClickAsync("#connect-button");
        await ui.Page.WaitForSelectorAsync("#connection-state[data-state=failed]");
        var error = await ui.Page.TextContentAsync("#connect-error") ?? string.Empty;
        Assert.Contains("origin not allowed", error, StringComparison.Ordinal);
        await ui.ScreenshotAsync("15-origin-refused");
    }
}
