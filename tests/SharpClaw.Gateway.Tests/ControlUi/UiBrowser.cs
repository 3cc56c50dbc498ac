using Microsoft.Playwright;
using SharpClaw.Gateway.Tests.Interop;

namespace SharpClaw.Gateway.Tests.ControlUi;

/// <summary>
/// Headless Debian Chromium (/usr/bin/chromium, installed by scripts/install-test-deps.sh) driven by Playwright.
/// Records every URL the page requests (HTTP and WebSocket) and the console, and saves screenshots to
/// artifacts/screenshots/.
/// </summary>
public sealed class UiBrowser : IAsyncDisposable
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private readonly IPlaywright _playwright;
    private readonly IBrowser _browser;

    private UiBrowser(IPlaywright playwright, IBrowser browser, IBrowserContext context, IPage page)
    {
        _playwright = playwright;
        _browser = browser;
        Context = context;
        Page = page;
    }

    public IBrowserContext Context { get; }

    public IPage Page { get; }

    public List<string> RequestedUrls { get; } = [];

    public List<string> Console { get; } = [];

    public static string ScreenshotDir => Path.Combine(RepoPaths.Root, "artifacts", "screenshots");

    public static async Task<UiBrowser> LaunchAsync(int width = 1280, int height = 860, string[]? args = null, string colorScheme = "light")
    {
        if (!File.Exists(ChromiumPath))
        {
            Assert.Fail($"Chromium is missing at {ChromiumPath}; run scripts/install-test-deps.sh (it installs Debian's chromium package; the test command does this)");
        }

        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", .. args ?? []],
        });
        var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = width, Height = height },
            ColorScheme = colorScheme == "dark" ? ColorScheme.Dark : ColorScheme.Light,
        });
        context.SetDefaultTimeout(20_000);
        var page = await context.NewPageAsync();
        var ui = new UiBrowser(playwright, browser, context, page);
        page.Request += (_, r) => { lock (ui.RequestedUrls) { ui.RequestedUrls.Add(r.Url); } };
        page.WebSocket += (_, ws) => { lock (ui.RequestedUrls) { ui.RequestedUrls.Add(ws.Url); } };
        page.Console += (_, m) => { lock (ui.Console) { ui.Console.Add(m.Type + ": " + m.Text); } };
        return ui;
    }

    /// <summary>Saves a screenshot of <paramref name="page"/> (default: the first tab).</summary>
    public async Task ScreenshotAsync(string name, IPage? page = null)
    {
        var path = Path.Combine(ScreenshotDir, name + ".png");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await (page ?? Page).ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = false });
    }

    /// <summary>A second tab of the same browser profile (same device identity and remembered credentials).</summary>
    public async Task<IPage> OpenTabAsync(Uri url)
    {
        var tab = await Context.NewPageAsync();
        tab.Console += (_, m) => { lock (Console) { Console.Add(m.Type + ": " + m.Text); } };
        await tab.GotoAsync(url.ToString());
        return tab;
    }

    /// <summary>Fills the token on the Connect screen and waits for the connection state badge.</summary>
    public async Task ConnectAsync(Uri gatewayHttp, string token, string expectedState = "connected")
    {
        await Page.GotoAsync(gatewayHttp.ToString());
        await Page.FillAsync("#secret", token);
        await Page.ClickAsync("#connect-button");
        await Page.WaitForSelectorAsync($"#connection-state[data-state={expectedState}]");
    }

    public async Task GoAsync(string route)
    {
        await Page.ClickAsync($"nav.tabs a[href$='/{route}']");
        await Page.WaitForSelectorAsync($"main[data-route={route}]");
    }

    public async ValueTask DisposeAsync()
    {
        // The last frame of every run, so a failure can be looked at.
        var name = TestContext.Current.Test?.TestDisplayName.Split('.').Last() ?? "unknown";
        await ScreenshotAsync(Path.Combine("last", name));
        await Context.CloseAsync();
        await _browser.CloseAsync();
        _playwright.Dispose();
    }
}
