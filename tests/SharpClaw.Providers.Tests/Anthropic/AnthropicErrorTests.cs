using Microsoft.Extensions.AI;
using SharpClaw.Providers.Abstractions;
using SharpClaw.Providers.Anthropic;
using SharpClaw.Providers.Common;
using SharpClaw.Providers.Tests.Infrastructure;
using static SharpClaw.Providers.Tests.Infrastructure.ChatStreams;

namespace SharpClaw.Providers.Tests.Anthropic;

public sealed class AnthropicErrorTests : IAsyncLifetime
{
    private const string Path = "/v1/messages";
    private FakeProviderServer _server = null!;

    public async ValueTask InitializeAsync() => _server = await FakeProviderServer.StartAsync(TestContext.Current.CancellationToken);

    public async ValueTask DisposeAsync() => await _server.DisposeAsync();

    [Theory]
    [InlineData(401, "anthropic/error-401.json", FailoverReason.Auth)]
    [InlineData(402, "anthropic/error-402-billing.json", FailoverReason.Billing)]
    [InlineData(400, "anthropic/error-400-credit-balance.json", FailoverReason.Billing)]
    [InlineData(500, "anthropic/error-500.json", FailoverReason.ServerError)]
    [InlineData(529, "anthropic/error-529.json", FailoverReason.Overloaded)]
    [InlineData(400, "anthropic/error-prompt-too-long.json", FailoverReason.ContextOverflow)]
    public async Task Http_errors_are_classified(int status, string body, FailoverReason reason)
    {
        _server.On("POST", Path, FakeResponse.Json(status, body));

        var ex = await FailureAsync(Client());

        Assert.Equal(reason, ex.Reason);
        Assert.Equal(status, ex.HttpStatus);
        Assert.Equal("anthropic", ex.Provider);
        Assert.Equal("claude-opus-4-6", ex.Model);
        Assert.Single(_server.Requests); // no SDK-internal retries: the failover runner owns retrying
    }

    [Fact]
    public async Task Rate_limit_carries_retry_after()
    {
        _server.On("POST", Path, FakeResponse.Json(429, "anthropic/error-429.json") with { Headers = new Dictionary<string, string> { ["retry-after"] = "12" } });

        var ex = await FailureAsync(Client());

        Assert.Equal(FailoverReason.RateLimit, ex.Reason);
        Assert.Equal(TimeSpan.FromSeconds(12), ex.RetryAfter);
        Assert.Contains("rate limit", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Overloaded_error_event_mid_stream_is_overloaded()
    {
        _server.On("POST", Path, FakeResponse.Sse("anthropic/messages-overloaded-midstream.sse"));

        var ex = await FailureAsync(Client());

        Assert.Equal(FailoverReason.Overloaded, ex.Reason);
        Assert.Null(ex.HttpStatus);
        Assert.Equal("anthropic/claude-opus-4-6: Overloaded", ex.Message);
    }

    [Fact]
    public async Task Stream_cut_mid_way_is_a_timeout()
    {
        _server.On("POST", Path, FakeResponse.Sse("anthropic/messages-cut.sse") with { AbortAtEnd = true });

        var ex = await FailureAsync(Client());

        Assert.Equal(FailoverReason.Timeout, ex.Reason);
        Assert.Contains("stream ended unexpectedly", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Stream_closed_before_message_stop_is_a_timeout()
    {
        _server.On("POST", Path, FakeResponse.Sse("anthropic/messages-cut.sse"));

        var ex = await FailureAsync(Client());

        Assert.Equal(FailoverReason.Timeout, ex.Reason);
        Assert.Contains("stream ended unexpectedly", ex.Message, StringComparison.Ordinal);
    }

    private IChatClient Client() => AnthropicChatClientFactory.Create(ProviderEndpoint.Create("anthropic", _server.BaseUri, "sk-ant-test"), "claude-opus-4-6");
}
