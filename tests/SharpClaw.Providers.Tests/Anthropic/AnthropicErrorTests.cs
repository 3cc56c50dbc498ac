using Microsoft.Extensions.AI;
using SharpClaw.Providers.Abstractions;
using SharpClaw.Providers.Anthropic;
using SharpClaw.Providers.Common;
using SharpClaw.Providers.Tests.Infrastructure;

namespace SharpClaw.Providers.Tests.Anthropic;

public sealed class AnthropicErrorTests : ProviderErrorTestBase
{
    protected override string ChatPath => "/v1/messages";

    protected override string ProviderId => "anthropic";

    protected override string ModelId => "claude-opus-4-6";

    [Theory]
    [InlineData(401, "anthropic/error-401.json", FailoverReason.Auth)]
    [InlineData(402, "anthropic/error-402-billing.json", FailoverReason.Billing)]
    [InlineData(400, "anthropic/error-400-credit-balance.json", FailoverReason.Billing)]
    [InlineData(500, "anthropic/error-500.json", FailoverReason.ServerError)]
    [InlineData(529, "anthropic/error-529.json", FailoverReason.Overloaded)]
    [InlineData(400, "anthropic/error-prompt-too-long.json", FailoverReason.ContextOverflow)]
    public async Task Http_errors_are_classified(int status, string body, FailoverReason reason)
    {
        var ex = await FailWithAsync(GoldenReply.JsonFile(status, body));

        AssertHttpFailure(ex, reason, status);
        Assert.Single(Server.Requests); // no SDK-internal retries: the failover runner owns retrying
    }

    [Fact]
    public async Task Rate_limit_carries_retry_after()
    {
        var ex = await FailWithAsync(GoldenReply.JsonFile(429, "anthropic/error-429.json").WithHeader("retry-after", "12"));

        Assert.Equal(FailoverReason.RateLimit, ex.Reason);
        Assert.Equal(TimeSpan.FromSeconds(12), ex.RetryAfter);
        Assert.Contains("rate limit", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Overloaded_error_event_mid_stream_is_overloaded()
    {
        var ex = await FailWithAsync(GoldenReply.SseFile("anthropic/messages-overloaded-midstream.sse"));

        Assert.Equal(FailoverReason.Overloaded, ex.Reason);
        Assert.Null(ex.HttpStatus);
        Assert.Equal("anthropic/claude-opus-4-6: Overloaded", ex.Message);
    }

    [Fact]
    public async Task Stream_cut_mid_way_is_a_timeout()
    {
        var ex = await FailWithAsync(GoldenReply.SseFile("anthropic/messages-cut.sse") with { AbortAtEnd = true });

        AssertStreamEndedUnexpectedly(ex);
    }

    [Fact]
    public async Task Stream_closed_before_message_stop_is_a_timeout()
    {
        var ex = await FailWithAsync(GoldenReply.SseFile("anthropic/messages-cut.sse"));

        AssertStreamEndedUnexpectedly(ex);
    }

    protected override IChatClient Client() => AnthropicChatClientFactory.Create(ProviderEndpoint.Create(ProviderId, Server.BaseUri, "sk-ant-test"), ModelId);
}
