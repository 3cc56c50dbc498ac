using System.Web;
using SharpClaw.Providers.Copilot;
using SharpClaw.Providers.Tests.Infrastructure;

namespace SharpClaw.Providers.Tests.Copilot;

public sealed class CopilotDeviceFlowTests : CopilotTestBase
{
    private const string CodePath = "/login/device/code";
    private const string TokenPath = "/login/oauth/access_token";

    protected override void Arrange()
    {
        Server.On("POST", CodePath, GoldenReply.Json(200, """{"device_code":"3584d83530557fdd1f46af8289938c8ef79f9dc5","user_code":"WDJB-MJHT","verification_uri":"https://github.com/login/device","expires_in":900,"interval":5}"""));
        Server.On("GET", CopilotTestContext.ExchangePath, Ctx.ExchangeReply("tid=login", TimeSpan.FromMinutes(30)));
    }

    [Fact]
    public async Task Login_polls_through_pending_and_slow_down_then_stores_the_token()
    {
        Server.On(
            "POST",
            TokenPath,
            GoldenReply.Json(200, """{"error":"authorization_pending","error_description":"The authorization request is still pending."}"""),
            GoldenReply.Json(200, """{"error":"slow_down","error_description":"Too many requests","interval":10}"""),
            GoldenReply.Json(200, """{"access_token":"gho_loggedInToken","token_type":"bearer","scope":"read:user"}"""));
        CopilotDeviceCode? shown = null;
        var start = Ctx.Clock.GetUtcNow();

        var login = CopilotLogin.RunAsync(Ctx.Store, (code, _) => { shown = code; return Task.CompletedTask; }, TestContext.Current.CancellationToken, Server.BaseUri, Server.BaseUri, null, Ctx.Clock);
        await DriveAsync(login);
        var token = await login;

        Assert.Equal("WDJB-MJHT", shown!.UserCode);
        Assert.Equal("https://github.com/login/device", shown.VerificationUri.AbsoluteUri);
        Assert.Equal("tid=login", token.Token);
        Assert.Equal("gho_loggedInToken", Ctx.Store.ReadGitHubToken());
        Assert.True(Ctx.Clock.GetUtcNow() - start >= TimeSpan.FromSeconds(20), "5 s, 5 s, then the 10 s slow_down interval");

        var polls = Server.RequestsTo(TokenPath);
        Assert.Equal(3, polls.Count);
        var form = HttpUtility.ParseQueryString(polls[0].Body);
        Assert.Equal(CopilotUrls.ClientId, form["client_id"]);
        Assert.Equal("urn:ietf:params:oauth:grant-type:device_code", form["grant_type"]);
        Assert.Equal("3584d83530557fdd1f46af8289938c8ef79f9dc5", form["device_code"]);
        Assert.Equal("read:user", HttpUtility.ParseQueryString(Assert.Single(Server.RequestsTo(CodePath)).Body)["scope"]);
        Assert.Equal("application/json", polls[0].Header("Accept"));
        Assert.Equal("token gho_loggedInToken", Server.RequestsTo(CopilotTestContext.ExchangePath)[0].Header("Authorization"));
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(Ctx.Store.LoginPath));
        }
    }

    [Fact]
    public async Task Denied_login_fails_and_stores_nothing()
    {
        Server.On("POST", TokenPath, GoldenReply.Json(200, """{"error":"access_denied","error_description":"The authorization request was denied."}"""));

        var login = CopilotLogin.RunAsync(Ctx.Store, (_, _) => Task.CompletedTask, TestContext.Current.CancellationToken, Server.BaseUri, Server.BaseUri, null, Ctx.Clock);
        await DriveAsync(login);

        var ex = await Assert.ThrowsAsync<CopilotLoginException>(() => login);
        Assert.Contains("denied", ex.Message, StringComparison.Ordinal);
        Assert.Null(Ctx.Store.ReadGitHubToken());
    }

    [Fact]
    public async Task Login_gives_up_when_the_device_code_expires()
    {
        Server.On("POST", CodePath, GoldenReply.Json(200, """{"device_code":"dc","user_code":"ABCD-EFGH","verification_uri":"https://github.com/login/device","expires_in":12,"interval":5}"""));
        Server.On("POST", TokenPath, GoldenReply.Json(200, """{"error":"authorization_pending"}"""));

        var login = CopilotLogin.RunAsync(Ctx.Store, (_, _) => Task.CompletedTask, TestContext.Current.CancellationToken, Server.BaseUri, Server.BaseUri, null, Ctx.Clock);
        await DriveAsync(login);

        var ex = await Assert.ThrowsAsync<CopilotLoginException>(() => login);
        Assert.Contains("expired", ex.Message, StringComparison.Ordinal);
        Assert.InRange(Server.RequestsTo(TokenPath).Count, 1, 2);
    }

    [Fact]
    public async Task A_verification_url_that_is_not_github_device_page_is_refused()
    {
        Server.On("POST", CodePath, GoldenReply.Json(200, """{"device_code":"dc","user_code":"ABCD-EFGH","verification_uri":"http://evil.example/login/device","expires_in":900,"interval":5}"""));
        var shown = false;

        var ex = await Assert.ThrowsAsync<CopilotLoginException>(() => CopilotLogin.RunAsync(Ctx.Store, (_, _) => { shown = true; return Task.CompletedTask; }, TestContext.Current.CancellationToken, Server.BaseUri, Server.BaseUri, null, Ctx.Clock));

        Assert.Contains("verification URL", ex.Message, StringComparison.Ordinal);
        Assert.False(shown);
    }

    /// <summary>Advances the fake clock a second at a time until the login finishes (real HTTP runs in between).</summary>
    private async Task DriveAsync(Task login)
    {
        for (var i = 0; i < 2000 && !login.IsCompleted; i++)
        {
            await Task.Delay(10, TestContext.Current.CancellationToken);
            Ctx.Clock.Advance(TimeSpan.FromSeconds(1));
        }

        Assert.True(login.IsCompleted, "login did not finish");
    }
}
