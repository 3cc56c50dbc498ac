using Microsoft.Extensions.AI;
using SharpClaw.Providers.Abstractions;
using SharpClaw.Providers.Common;
using SharpClaw.Providers.Ollama;
using SharpClaw.Providers.Tests.Infrastructure;
using static SharpClaw.Providers.Tests.Infrastructure.ChatStreams;

namespace SharpClaw.Providers.Tests.Ollama;

public sealed class OllamaErrorTests : IAsyncLifetime
{
    private const string Path = "/api/chat";
    private FakeProviderServer _server = null!;

    public async ValueTask InitializeAsync() => _server = await FakeProviderServer.StartAsync(TestContext.Current.CancellationToken);

    public async ValueTask DisposeAsync() => await _server.DisposeAsync();

    [Theory]
    [InlineData(401, "ollama/error-401.json", FailoverReason.Auth)]
    [InlineData(402, "ollama/error-402.json", FailoverReason.Billing)]
    [InlineData(404, "ollama/error-404-model.json", FailoverReason.ModelNotFound)]
    [InlineData(500, "ollama/error-500.json", FailoverReason.ServerError)]
    public async Task Http_errors_are_classified(int status, string body, FailoverReason reason)
    {
        _server.On("POST", Path, FakeResponse.Json(status, body));

        var ex = await FailureAsync(Client());

        Assert.Equal(reason, ex.Reason);
        Assert.Equal(status, ex.HttpStatus);
        Assert.Equal("ollama", ex.Provider);
        Assert.Equal("llama3.2", ex.Model);
    }

    [Fact]
    public async Task Rate_limit_carries_retry_after_ms()
    {
        _server.On("POST", Path, FakeResponse.Json(429, "ollama/error-429.json") with { Headers = new Dictionary<string, string> { ["retry-after-ms"] = "1500" } });

        var ex = await FailureAsync(Client());

        Assert.Equal(FailoverReason.RateLimit, ex.Reason);
        Assert.Equal(TimeSpan.FromMilliseconds(1500), ex.RetryAfter);
    }

    [Fact]
    public async Task Error_line_mid_stream_is_classified()
    {
        _server.On("POST", Path, FakeResponse.Ndjson("ollama/chat-error-midstream.ndjson"));

        var ex = await FailureAsync(Client());

        Assert.Equal(FailoverReason.ContextOverflow, ex.Reason);
        Assert.Contains("context length exceeded", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Stream_cut_mid_way_is_a_timeout()
    {
        _server.On("POST", Path, FakeResponse.Ndjson("ollama/chat-cut.ndjson") with { AbortAtEnd = true });

        var ex = await FailureAsync(Client());

        Assert.Equal(FailoverReason.Timeout, ex.Reason);
        Assert.Contains("stream ended unexpectedly", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Stream_closed_without_done_is_a_timeout()
    {
        _server.On("POST", Path, FakeResponse.Ndjson("ollama/chat-cut.ndjson"));

        var ex = await FailureAsync(Client());

        Assert.Equal(FailoverReason.Timeout, ex.Reason);
    }

    [Fact]
    public async Task Idle_watchdog_times_out_a_silent_server()
    {
        var endpoint = ProviderEndpoint.Create("ollama", _server.BaseUri, null, timeout: TimeSpan.FromMilliseconds(200));
        _server.On("POST", Path, FakeResponse.Ndjson("ollama/chat-cut.ndjson") with { HoldOpen = TimeSpan.FromSeconds(5) });

        var ex = await FailureAsync(OllamaChatClientFactory.Create(endpoint, "llama3.2"));

        Assert.Equal(FailoverReason.Timeout, ex.Reason);
    }

    private IChatClient Client() => OllamaChatClientFactory.Create(ProviderEndpoint.Create("ollama", _server.BaseUri, null), "llama3.2");
}
