using SharpClaw.Providers.Abstractions;
using SharpClaw.Providers.Copilot;
using SharpClaw.Providers.Tests.Infrastructure;
using static SharpClaw.Providers.Tests.Infrastructure.ChatStreams;

namespace SharpClaw.Providers.Tests.Copilot;

public sealed class CopilotTokenTests : CopilotTestBase
{
    protected override void Arrange()
    {
        Server.On("POST", CopilotTestContext.ChatPath, GoldenReply.SseFile("copilot/chat-text.sse"));
    }

    [Fact]
    public async Task Token_is_cached_until_five_minutes_before_expiry_then_refreshed()
    {
        Server.On("GET", CopilotTestContext.ExchangePath, Ctx.ExchangeReply("tid=first", TimeSpan.FromMinutes(30)), Ctx.ExchangeReply("tid=second", TimeSpan.FromMinutes(60)));
        var client = Ctx.Provider().CreateChatClient("gpt-4.1");

        await CollectAsync(client);
        Ctx.Clock.Advance(TimeSpan.FromMinutes(24)); // 6 min left: still fresh
        await CollectAsync(client);
        Assert.Single(Server.RequestsTo(CopilotTestContext.ExchangePath));

        Ctx.Clock.Advance(TimeSpan.FromMinutes(2)); // 4 min left: inside the refresh margin
        await CollectAsync(client);

        Assert.Equal(2, Server.RequestsTo(CopilotTestContext.ExchangePath).Count);
        Assert.Equal("Bearer tid=second", Server.LastRequest.Header("Authorization"));
    }

    [Fact]
    public async Task Refresh_in_from_github_brings_the_refresh_forward()
    {
        Server.On("GET", CopilotTestContext.ExchangePath, Ctx.ExchangeReply("tid=a", TimeSpan.FromMinutes(30), refreshIn: 600), Ctx.ExchangeReply("tid=b", TimeSpan.FromMinutes(30)));
        var client = Ctx.Provider().CreateChatClient("gpt-4.1");

        await CollectAsync(client);
        Ctx.Clock.Advance(TimeSpan.FromSeconds(601));
        await CollectAsync(client);

        Assert.Equal(2, Server.RequestsTo(CopilotTestContext.ExchangePath).Count);
    }

    [Fact]
    public async Task Exchanged_token_is_stored_privately_and_reused_after_restart()
    {
        Server.On("GET", CopilotTestContext.ExchangePath, Ctx.ExchangeReply("tid=persisted", TimeSpan.FromMinutes(30)));

        await CollectAsync(Ctx.Provider().CreateChatClient("gpt-4.1"));
        await CollectAsync(Ctx.Provider().CreateChatClient("gpt-4.1")); // a new provider = a restarted gateway

        Assert.Single(Server.RequestsTo(CopilotTestContext.ExchangePath));
        var text = await File.ReadAllTextAsync(Ctx.Store.CachePath, TestContext.Current.CancellationToken);
        Assert.Contains("tid=persisted", text, StringComparison.Ordinal);
        Assert.DoesNotContain(CopilotTestContext.GitHubToken, text, StringComparison.Ordinal);
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(Ctx.Store.CachePath));
        }
    }

    [Fact]
    public async Task Cached_token_of_another_github_login_is_not_reused()
    {
        Server.On("GET", CopilotTestContext.ExchangePath, Ctx.ExchangeReply("tid=one", TimeSpan.FromMinutes(30)));
        await CollectAsync(Ctx.Provider().CreateChatClient("gpt-4.1"));

        await CollectAsync(Ctx.Provider("gho_someoneElse").CreateChatClient("gpt-4.1"));

        Assert.Equal(2, Server.RequestsTo(CopilotTestContext.ExchangePath).Count);
    }

    [Fact]
    public async Task Rejected_github_token_fails_as_auth_with_the_login_command()
    {
        Server.On("GET", CopilotTestContext.ExchangePath, GoldenReply.JsonFile(401, "copilot/exchange-401.json"));

        var ex = await FailureAsync(Ctx.Provider().CreateChatClient("gpt-4.1"));

        Assert.Equal(FailoverReason.Auth, ex.Reason);
        Assert.Contains("models auth login --provider github-copilot", ex.Message, StringComparison.Ordinal);
        Assert.Empty(Server.RequestsTo(CopilotTestContext.ChatPath));
    }

    [Fact]
    public async Task Exchange_rate_limit_andServer_errors_are_classified()
    {
        Server.On("GET", CopilotTestContext.ExchangePath, GoldenReply.Json(429, "{\"message\":\"API rate limit exceeded\"}"), GoldenReply.Json(503, "{\"message\":\"Service Unavailable\"}"));
        var client = Ctx.Provider().CreateChatClient("gpt-4.1");

        Assert.Equal(FailoverReason.RateLimit, (await FailureAsync(client)).Reason);
        Assert.Contains((await FailureAsync(client)).Reason, new[] { FailoverReason.Overloaded, FailoverReason.ServerError });
    }

    [Fact]
    public async Task Personal_access_tokens_skip_the_exchange()
    {
        var provider = new CopilotProvider(new CopilotProviderOptions
        {
            GitHubToken = "github_pat_11AAAAtest",
            GitHubApiUrl = Server.BaseUri,
            BaseUrlOverride = Server.BaseUri,
            DiscoverModels = false,
            TimeProvider = Ctx.Clock,
        });

        await CollectAsync(provider.CreateChatClient("gpt-4.1"));

        Assert.Empty(Server.RequestsTo(CopilotTestContext.ExchangePath));
        Assert.Equal("Bearer github_pat_11AAAAtest", Server.LastRequest.Header("Authorization"));
    }

    [Fact]
    public async Task A_login_made_while_running_is_picked_up_without_a_restart()
    {
        Server.On("GET", CopilotTestContext.ExchangePath, Ctx.ExchangeReply("tid=afterLogin", TimeSpan.FromMinutes(30)));
        var provider = new CopilotProvider(new CopilotProviderOptions { Store = Ctx.Store, GitHubApiUrl = Server.BaseUri, DiscoverModels = false, TimeProvider = Ctx.Clock });
        Assert.False(provider.IsConfigured);

        await Ctx.Store.SaveGitHubTokenAsync("gho_freshLogin", Ctx.Clock.GetUtcNow(), TestContext.Current.CancellationToken);
        Assert.False(provider.IsConfigured); // re-read at most every 5 s
        Ctx.Clock.Advance(CopilotProvider.LoginRecheckInterval);

        Assert.True(provider.IsConfigured);
        Assert.Equal("login", provider.TokenSource);
        await CollectAsync(provider.CreateChatClient("gpt-4.1"));
        Assert.Equal("token gho_freshLogin", Server.RequestsTo(CopilotTestContext.ExchangePath)[0].Header("Authorization"));
    }

    [Theory]
    [InlineData("tid=1;exp=2;proxy-ep=proxy.individual.githubcopilot.com;sku=x", "https://api.individual.githubcopilot.com/")]
    [InlineData("tid=1;proxy-ep=proxy.business.githubcopilot.com", "https://api.business.githubcopilot.com/")]
    [InlineData("tid=1;exp=2", null)]
    public void Api_base_comes_from_the_proxy_endpoint_in_the_token(string token, string? expected)
        => Assert.Equal(expected, CopilotApiToken.BaseUrlFromToken(token)?.AbsoluteUri);
}
