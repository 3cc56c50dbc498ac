using Microsoft.Extensions.AI;
using SharpClaw.Providers.Abstractions;
using SharpClaw.Providers.Common;
using SharpClaw.Providers.OpenAI;
using SharpClaw.Providers.Tests.Infrastructure;
using static SharpClaw.Providers.Tests.Infrastructure.ChatStreams;

namespace SharpClaw.Providers.Tests.OpenAI;

public sealed class OpenAICompatibleErrorTests : ProviderErrorTestBase
{
    protected override string ChatPath => "/v1/chat/completions";

    protected override string ProviderId => "openai";

    protected override string ModelId => "gpt-5-mini";

    [Theory]
    [InlineData(401, "openai/error-401.json", FailoverReason.Auth)]
    [InlineData(402, "openai/error-402-openrouter.json", FailoverReason.Billing)]
    [InlineData(500, "openai/error-500.json", FailoverReason.ServerError)]
    [InlineData(400, "openai/error-context-length.json", FailoverReason.ContextOverflow)]
    [InlineData(404, "openai/error-500.json", FailoverReason.ModelNotFound)]
    [InlineData(504, "openai/error-500.json", FailoverReason.Timeout)]
    public async Task Http_errors_are_classified(int status, string body, FailoverReason reason)
    {
        var ex = await FailWithAsync(GoldenReply.JsonFile(status, body));

        AssertHttpFailure(ex, reason, status);
        Assert.StartsWith($"openai/gpt-5-mini: HTTP {status}: ", ex.Message, StringComparison.Ordinal);
        Assert.Single(Server.Requests); // no SDK-internal retries: the failover runner owns retrying
    }

    [Fact]
    public async Task Rate_limit_carries_retry_after()
    {
        var ex = await FailWithAsync(GoldenReply.JsonFile(429, "openai/error-429.json").WithHeader("Retry-After", "7"));

        Assert.Equal(FailoverReason.RateLimit, ex.Reason);
        Assert.Equal(TimeSpan.FromSeconds(7), ex.RetryAfter);
        Assert.Contains("Rate limit reached", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Stream_cut_mid_way_is_a_timeout()
    {
        var ex = await FailWithAsync(GoldenReply.SseFile("openai/chat-cut.sse") with { AbortAtEnd = true });

        AssertStreamEndedUnexpectedly(ex);
    }

    [Fact]
    public async Task Stream_closed_without_finish_reason_is_a_timeout()
    {
        Server.On("POST", ChatPath, GoldenReply.SseFile("openai/chat-cut.sse"));

        var received = new List<string>();
        var ex = await Assert.ThrowsAsync<ProviderException>(async () =>
        {
            await foreach (var update in Client().GetStreamingResponseAsync(Hello(), null, TestContext.Current.CancellationToken))
            {
                received.Add(update.Text);
            }
        });

        AssertStreamEndedUnexpectedly(ex);
        Assert.Equal("Once upon a time", string.Concat(received));
    }

    [Fact]
    public async Task Connection_refused_is_a_timeout()
    {
        var port = FreePort.Get();
        var client = OpenAICompatibleChatClientFactory.Create(ProviderEndpoint.Create(ProviderId, new Uri($"http://127.0.0.1:{port}/v1"), "sk-test"), ModelId);

        var ex = await FailureAsync(client);

        Assert.Equal(FailoverReason.Timeout, ex.Reason);
    }

    [Fact]
    public async Task Caller_cancellation_stays_cancellation()
    {
        Server.On("POST", ChatPath, GoldenReply.SseFile("openai/chat-text.sse"));
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        await cts.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (var _ in Client().GetStreamingResponseAsync(Hello(), null, cts.Token))
            {
            }
        });
    }

    protected override IChatClient Client()
        => OpenAICompatibleChatClientFactory.Create(ProviderEndpoint.Create(ProviderId, Server.Url("/v1"), "sk-test"), ModelId);
}
