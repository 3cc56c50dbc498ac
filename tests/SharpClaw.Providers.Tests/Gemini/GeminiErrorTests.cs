using Microsoft.Extensions.AI;
using SharpClaw.Providers.Abstractions;
using SharpClaw.Providers.Common;
using SharpClaw.Providers.Gemini;
using SharpClaw.Providers.Tests.Infrastructure;
using static SharpClaw.Providers.Tests.Infrastructure.ChatStreams;

namespace SharpClaw.Providers.Tests.Gemini;

public sealed class GeminiErrorTests : IAsyncLifetime
{
    private const string Path = "/v1beta/models/gemini-3-flash-preview:streamGenerateContent";
    private GoldenServer _server = null!;

    public async ValueTask InitializeAsync() => _server = await GoldenServer.StartAsync(TestContext.Current.CancellationToken);

    public async ValueTask DisposeAsync() => await _server.DisposeAsync();

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
        _server.On("POST", Path, GoldenReply.JsonFile(status, body));

        var ex = await FailureAsync(Client());

        Assert.Equal(reason, ex.Reason);
        Assert.Equal(status, ex.HttpStatus);
        Assert.Equal("google", ex.Provider);
        Assert.Equal("gemini-3-flash-preview", ex.Model);
    }

    [Fact]
    public async Task Rate_limit_keeps_retry_after()
    {
        _server.On("POST", Path, GoldenReply.JsonFile(429, "gemini/error-429.json") with { Headers = new Dictionary<string, string> { ["retry-after"] = "28" } });

        var ex = await FailureAsync(Client());

        Assert.Equal(FailoverReason.RateLimit, ex.Reason);
        Assert.Equal(TimeSpan.FromSeconds(28), ex.RetryAfter);
    }

    [Fact]
    public async Task Error_event_mid_stream_is_classified()
    {
        _server.On("POST", Path, GoldenReply.SseFile("gemini/stream-error-midstream.sse"));

        var ex = await FailureAsync(Client());

        Assert.Equal(FailoverReason.Overloaded, ex.Reason);
        Assert.Contains("overloaded", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Stream_cut_mid_way_is_a_timeout()
    {
        _server.On("POST", Path, GoldenReply.SseFile("gemini/stream-cut.sse") with { AbortAtEnd = true });

        var ex = await FailureAsync(Client());

        Assert.Equal(FailoverReason.Timeout, ex.Reason);
        Assert.Contains("stream ended unexpectedly", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Stream_closed_without_finish_reason_is_a_timeout()
    {
        _server.On("POST", Path, GoldenReply.SseFile("gemini/stream-cut.sse"));

        var ex = await FailureAsync(Client());

        Assert.Equal(FailoverReason.Timeout, ex.Reason);
    }

    [Fact]
    public async Task Nothing_listening_is_a_timeout_class_connection_failure()
    {
        var endpoint = ProviderEndpoint.Create("google", new Uri($"http://127.0.0.1:{FreePort.Get()}"), "test-key");

        var ex = await FailureAsync(GeminiChatClientFactory.Create(endpoint, "gemini-3-flash-preview"));

        Assert.Equal(FailoverReason.Timeout, ex.Reason);
    }

    private IChatClient Client() => GeminiChatClientFactory.Create(ProviderEndpoint.Create("google", _server.BaseUri, "test-key"), "gemini-3-flash-preview");
}
