using Microsoft.Extensions.AI;
using SharpClaw.Providers.Abstractions;
using SharpClaw.Providers.Common;
using SharpClaw.Providers.Gemini;
using SharpClaw.Providers.Tests.Infrastructure;
using static SharpClaw.Providers.Tests.Infrastructure.ChatStreams;

namespace SharpClaw.Providers.Tests.Gemini;

public sealed class GeminiErrorTests : ProviderErrorTestBase
{
    protected override string ChatPath => "/v1beta/models/gemini-3-flash-preview:streamGenerateContent";

    protected override string ProviderId => "google";

    protected override string ModelId => "gemini-3-flash-preview";

    [Theory]
    [InlineData(400, "gemini/error-400-overflow.json", FailoverReason.ContextOverflow)]
    [InlineData(400, "gemini/error-400-api-key.json", FailoverReason.Auth)]
    [InlineData(401, "gemini/error-401.json", FailoverReason.Auth)]
    [InlineData(403, "gemini/error-403.json", FailoverReason.Auth)]
    [InlineData(429, "gemini/error-429.json", FailoverReason.RateLimit)]
    [InlineData(500, "gemini/error-500.json", FailoverReason.ServerError)]
    [InlineData(503, "gemini/error-503.json", FailoverReason.Overloaded)]
    public async Task Http_errors_are_classified(int status, string body, FailoverReason reason)
    {
        var ex = await FailWithAsync(GoldenReply.JsonFile(status, body));

        AssertHttpFailure(ex, reason, status);
    }

    [Fact]
    public async Task Rate_limit_keeps_retry_after()
    {
        var ex = await FailWithAsync(GoldenReply.JsonFile(429, "gemini/error-429.json").WithHeader("retry-after", "28"));

        Assert.Equal(FailoverReason.RateLimit, ex.Reason);
        Assert.Equal(TimeSpan.FromSeconds(28), ex.RetryAfter);
    }

    [Fact]
    public async Task Error_event_mid_stream_is_classified()
    {
        var ex = await FailWithAsync(GoldenReply.SseFile("gemini/stream-error-midstream.sse"));

        Assert.Equal(FailoverReason.Overloaded, ex.Reason);
        Assert.Contains("overloaded", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Stream_cut_mid_way_is_a_timeout()
    {
        var ex = await FailWithAsync(GoldenReply.SseFile("gemini/stream-cut.sse") with { AbortAtEnd = true });

        AssertStreamEndedUnexpectedly(ex);
    }

    [Fact]
    public async Task Stream_closed_without_finish_reason_is_a_timeout()
    {
        var ex = await FailWithAsync(GoldenReply.SseFile("gemini/stream-cut.sse"));

        Assert.Equal(FailoverReason.Timeout, ex.Reason);
    }

    [Fact]
    public async Task Nothing_listening_is_a_timeout_class_connection_failure()
    {
        var endpoint = ProviderEndpoint.Create(ProviderId, new Uri($"http://127.0.0.1:{FreePort.Get()}"), "test-key");

        var ex = await FailureAsync(GeminiChatClientFactory.Create(endpoint, ModelId));

        Assert.Equal(FailoverReason.Timeout, ex.Reason);
    }

    protected override IChatClient Client() => GeminiChatClientFactory.Create(ProviderEndpoint.Create(ProviderId, Server.BaseUri, "test-key"), ModelId);
}
