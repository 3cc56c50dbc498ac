using System.Web;
using SharpClaw.Providers.Copilot;
using SharpClaw.Providers.Tests.Infrastructure;

namespace SharpClaw.Providers.Tests.Copilot;

public sealed class CopilotDeviceFlowTests : IAsyncLifetime
{
    private const string CodePath = "/login/device/code";
    private const string TokenPath = "/login/oauth/access_token";
    private GoldenServer _server = null!;
    private CopilotTestContext _ctx = null!;

    public async ValueTask InitializeAsync()
    {
        _server = await GoldenServer.StartAsync(TestContext.Current.CancellationToken);
        _ctx = new CopilotTestContext(_server);
        _server.On("POST", CodePath, GoldenReply.Json(200, """{"device_code":"3584d83530557fdd1f46af8289938c8ef79f9dc5","user_code":"WDJB-MJHT","verification_uri":"https://github.com/login/device","expires_in":900,"interval":5}"""));
        _server.On("GET", CopilotTestContext.ExchangePath, _ctx.ExchangeReply("tid=login", TimeSpan.FromMinutes(30)));
    }

    public async ValueTask DisposeAsync()
    {
        _ctx.Dispose();
        await _server.DisposeAsync();
    }

    [Fact]
    public async Task Login_polls_through_pending_and_slow_down_then_stores_the_token()
    {
        _server.On(
            "POST",
            TokenPath,
            GoldenReply.Json(200, """{"error":"authorization_pending","error_description":"The authorization request is still pending."}"""),
            GoldenReply.Json(200, """{"error":"slow_down","error_description":"Too many requests","interval":10}"""),
            GoldenReply.Json(200, """{"access_token":"gho_loggedInToken","token_type":"bearer","scope":"read:user"}"""));
        CopilotDeviceCode? shown = null;
        var start = _ctx.Clock.GetUtcNow();

        var login = CopilotLogin.RunAsync(_ctx.Store, (code, _) => { shown = code; return Task.CompletedTask; }, TestContext.Current.CancellationToken, _server.BaseUri, _server.BaseUri, null, _ctx.Clock);
        await DriveAsync(login);
        var token = await login;

        Assert.Equal("WDJB-MJHT", shown!.UserCode);
        Assert.Equal("https://github.com/login/device", shown.VerificationUri.AbsoluteUri);
        Assert.Equal("tid=login", token.Token);
        Assert.Equal("gho_loggedInToken", _ctx.Store.ReadGitHubToken());
        Assert.True(_ctx.Clock.GetUtcNow() - start >= TimeSpan.FromSeconds(20), "5 s, 5 s, then the 10 s slow_down interval");

        var polls = _server.RequestsTo(TokenPath);
        Assert.Equal(3, polls.Count);
        var form = HttpUtility.ParseQueryString(polls[0].Body);
        Assert.Equal(CopilotUrls.ClientId, form["client_id"]);
        Assert.Equal("urn:ietf:params:oauth:grant-type:device_code", form["grant_type"]);
        Assert.Equal("3584d83530557fdd1f46af8289938c8ef79f9dc5", form["device_code"]);
        Assert.Equal("read:user", HttpUtility.ParseQueryString(Assert.Single(_server.RequestsTo(CodePath)).Body)["scope"]);
        Assert.Equal("application/json", polls[0].Header("Accept"));
        Assert.Equal("token gho_loggedInToken", _server.RequestsTo(CopilotTestContext.ExchangePath)[0].Header("Authorization"));
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(_ctx.Store.LoginPath));
        }
    }

    [Fact]
    public async Task Denied_login_fails_and_stores_nothing()
    {
        _server.On("POST", TokenPath, GoldenReply.Json(200, """{"error":"access_denied","error_description":"The authorization request was denied."}"""));

        var login = CopilotLogin.RunAsync(_ctx.Store, (_, _) => Task.CompletedTask, TestContext.Current.CancellationToken, _server.BaseUri, _server.BaseUri, null, _ctx.Clock);
        await DriveAsync(login);

        var ex = await Assert.ThrowsAsync<CopilotLoginException>(() => login);
        Assert.Contains("denied", ex.Message, StringComparison.Ordinal);
        Assert.Null(_ctx.Store.ReadGitHubToken());
    }

    [Fact]
    public async Task Login_gives_up_when_the_device_code_expires()
    {
        _server.On("POST", CodePath, GoldenReply.Json(200, """{"device_code":"dc","user_code":"ABCD-EFGH","verification_uri":"https://github.com/login/device","expires_in":12,"interval":5}"""));
        _server.On("POST", TokenPath, GoldenReply.Json(200, """{"error":"authorization_pending"}"""));

        var login = CopilotLogin.RunAsync(_ctx.Store, (_, _) => Task.CompletedTask, TestContext.Current.CancellationToken, _server.BaseUri, _server.BaseUri, null, _ctx.Clock);
        await DriveAsync(login);

        var ex = await Assert.ThrowsAsync<CopilotLoginException>(() => login);
        Assert.Contains("expired", ex.Message, StringComparison.Ordinal);
        Assert.InRange(_server.RequestsTo(TokenPath).Count, 1, 2);
    }

    [Fact]
    public async Task A_verification_url_that_is_not_github_device_page_is_refused()
    {
        _server.On("POST", CodePath, GoldenReply.Json(200, """{"device_code":"dc","user_code":"ABCD-EFGH","verification_uri":"http://evil.example/login/device","expires_in":900,"interval":5}"""));
        var shown = false;

        var ex = await Assert.ThrowsAsync<CopilotLoginException>(() => CopilotLogin.RunAsync(_ctx.Store, (_, _) => { shown = true; return Task.CompletedTask; }, TestContext.Current.CancellationToken, _server.BaseUri, _server.BaseUri, null, _ctx.Clock));

        Assert.Contains("verification URL", ex.Message, StringComparison.Ordinal);
        Assert.False(shown);
    }

    /// <summary>Advances the fake clock a second at a time until the login finishes (real HTTP runs in between).</summary>
    private async Task DriveAsync(Task login)
    {
        for (var i = 0; i < 2000 && !login.IsCompleted; i++)
        {
            await Task.Delay(10, TestContext.Current.CancellationToken);
            _ctx.Clock.Advance(TimeSpan.FromSeconds(1));
        }

        Assert.True(login.IsCompleted, "login did not finish");
    }
}
