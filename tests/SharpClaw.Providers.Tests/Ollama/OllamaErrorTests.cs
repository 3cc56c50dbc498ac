using Microsoft.Extensions.AI;
using SharpClaw.Providers.Abstractions;
using SharpClaw.Providers.Common;
using SharpClaw.Providers.Ollama;
using SharpClaw.Providers.Tests.Infrastructure;
using static SharpClaw.Providers.Tests.Infrastructure.ChatStreams;

namespace SharpClaw.Providers.Tests.Ollama;

public sealed class OllamaErrorTests : ProviderErrorTestBase
{
    protected override string ChatPath => "/api/chat";

    protected override string ProviderId => "ollama";

    protected override string ModelId => "llama3.2";

    [Theory]
    [InlineData(401, "ollama/error-401.json", FailoverReason.Auth)]
    [InlineData(402, "ollama/error-402.json", FailoverReason.Billing)]
    [InlineData(404, "ollama/error-404-model.json", FailoverReason.ModelNotFound)]
    [InlineData(500, "ollama/error-500.json", FailoverReason.ServerError)]
    public async Task Http_errors_are_classified(int status, string body, FailoverReason reason)
    {
        var ex = await FailWithAsync(GoldenReply.JsonFile(status, body));

        AssertHttpFailure(ex, reason, status);
    }

    [Fact]
    public async Task Rate_limit_carries_retry_after_ms()
    {
        var ex = await FailWithAsync(GoldenReply.JsonFile(429, "ollama/error-429.json").WithHeader("retry-after-ms", "1500"));

        Assert.Equal(FailoverReason.RateLimit, ex.Reason);
        Assert.Equal(TimeSpan.FromMilliseconds(1500), ex.RetryAfter);
    }

    [Fact]
    public async Task Error_line_mid_stream_is_classified()
    {
        var ex = await FailWithAsync(GoldenReply.NdjsonFile("ollama/chat-error-midstream.ndjson"));

        Assert.Equal(FailoverReason.ContextOverflow, ex.Reason);
        Assert.Contains("context length exceeded", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Stream_cut_mid_way_is_a_timeout()
    {
        var ex = await FailWithAsync(GoldenReply.NdjsonFile("ollama/chat-cut.ndjson") with { AbortAtEnd = true });

        AssertStreamEndedUnexpectedly(ex);
    }

    [Fact]
    public async Task Stream_closed_without_done_is_a_timeout()
    {
        var ex = await FailWithAsync(GoldenReply.NdjsonFile("ollama/chat-cut.ndjson"));

        Assert.Equal(FailoverReason.Timeout, ex.Reason);
    }

    [Fact]
    public async Task Idle_watchdog_times_out_a_silent_server()
    {
        var endpoint = ProviderEndpoint.Create(ProviderId, Server.BaseUri, null, timeout: TimeSpan.FromMilliseconds(200));
        Server.On("POST", ChatPath, GoldenReply.NdjsonFile("ollama/chat-cut.ndjson") with { HoldOpen = TimeSpan.FromSeconds(5) });

        var ex = await FailureAsync(OllamaChatClientFactory.Create(endpoint, ModelId));

        Assert.Equal(FailoverReason.Timeout, ex.Reason);
    }

    protected override IChatClient Client() => OllamaChatClientFactory.Create(ProviderEndpoint.Create(ProviderId, Server.BaseUri, null), ModelId);
}
