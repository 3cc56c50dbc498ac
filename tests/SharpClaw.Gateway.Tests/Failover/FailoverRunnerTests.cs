using Microsoft.Extensions.AI;
using Microsoft.Extensions.Time.Testing;
using SharpClaw.Gateway.Agents.Failover;
using SharpClaw.Providers.Abstractions;

namespace SharpClaw.Gateway.Tests.Failover;

public sealed class FailoverRunnerTests
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 25, 12, 0, 0, TimeSpan.Zero));
    private readonly List<string> _attempts = [];

    [Fact]
    public async Task Tries_primary_then_fallbacks_in_order_and_records_each_outcome()
    {
        var health = new ProviderHealth(_clock);
        string? selected = null;

        var text = await RunAsync(health, c => selected = c.Provider, Failing("anthropic", FailoverReason.RateLimit, 429), Failing("openai", FailoverReason.ServerError, 500), Answering("google", "from gemini"), Answering("xai", "never"));

        Assert.Equal("from gemini", text);
        Assert.Equal(["anthropic", "openai", "google"], _attempts);
        Assert.Equal("google", selected);
        Assert.Equal(_clock.GetUtcNow() + TimeSpan.FromMinutes(5), health.Get("anthropic").CooldownUntil);
        Assert.Equal(1, health.Get("openai").ErrorCount);
        Assert.Null(health.Get("openai").CooldownUntil);
        Assert.True(health.Get("google").IsClean);
    }

    [Fact]
    public async Task Context_overflow_is_not_retried_on_another_model()
    {
        var health = new ProviderHealth(_clock);

        var ex = await Assert.ThrowsAsync<ProviderException>(() => RunAsync(health, null, Failing("anthropic", FailoverReason.ContextOverflow, 400), Answering("openai", "smaller context")));

        Assert.Equal(FailoverReason.ContextOverflow, ex.Reason);
        Assert.Equal(["anthropic"], _attempts);
        Assert.True(health.Get("anthropic").IsClean);
    }

    [Fact]
    public async Task A_cooling_provider_is_skipped_without_a_call()
    {
        var health = new ProviderHealth(_clock);
        health.RecordFailure("anthropic", null, FailoverReason.RateLimit);

        var text = await RunAsync(health, null, Answering("anthropic", "primary"), Answering("openai", "fallback"));

        Assert.Equal("fallback", text);
        Assert.Equal(["openai"], _attempts);
    }

    [Fact]
    public async Task A_disabled_provider_is_probed_near_expiry_and_recovers_on_success()
    {
        var health = new ProviderHealth(_clock);
        health.RecordFailure("openrouter", null, FailoverReason.Billing);
        _clock.Advance(TimeSpan.FromMinutes(3));

        var text = await RunAsync(health, null, Answering("openrouter", "credits back"), Answering("openai", "fallback"));

        Assert.Equal("credits back", text);
        Assert.True(health.Get("openrouter").IsClean);
    }

    [Fact]
    public async Task When_every_candidate_is_blocked_the_error_says_until_when()
    {
        var health = new ProviderHealth(_clock);
        health.RecordFailure("anthropic", null, FailoverReason.RateLimit);
        health.RecordFailure("openai", null, FailoverReason.Billing);

        var ex = await Assert.ThrowsAsync<ProviderException>(() => RunAsync(health, null, Answering("anthropic", "a"), Answering("openai", "b")));

        Assert.Empty(_attempts);
        Assert.Equal(FailoverReason.RateLimit, ex.Reason);
        Assert.Contains("cooling down (rate_limit) until 2026-11-25T12:05:00Z", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_failure_after_output_is_not_replayed_on_a_fallback()
    {
        var health = new ProviderHealth(_clock);

        var ex = await Assert.ThrowsAsync<ProviderException>(() => RunAsync(health, null, CutMidStream("anthropic"), Answering("openai", "again")));

        Assert.Equal(FailoverReason.Timeout, ex.Reason);
        Assert.Equal(["anthropic"], _attempts);
        Assert.Equal(1, health.Get("anthropic").ErrorCount);
    }

    private async Task<string> RunAsync(ProviderHealth health, Action<FailoverCandidate>? onSelected, params FailoverCandidate[] candidates)
    {
        var text = new System.Text.StringBuilder();
        await foreach (var update in new FailoverRunner(health).RunAsync(candidates, onSelected, TestContext.Current.CancellationToken))
        {
            text.Append(update.Text);
        }

        return text.ToString();
    }

    private FailoverCandidate Answering(string provider, string text)
        => new(provider, "m", () => Stream(provider, [new ChatResponseUpdate(ChatRole.Assistant, text)], null));

    private FailoverCandidate Failing(string provider, FailoverReason reason, int status)
        => new(provider, "m", () => Stream(provider, [], new ProviderException(provider, "m", reason, $"{provider}/m: HTTP {status}", status)));

    private FailoverCandidate CutMidStream(string provider)
        => new(provider, "m", () => Stream(provider, [new ChatResponseUpdate(ChatRole.Assistant, "partial")], new ProviderException(provider, "m", FailoverReason.Timeout, "stream ended unexpectedly")));

    private async IAsyncEnumerable<ChatResponseUpdate> Stream(string provider, IReadOnlyList<ChatResponseUpdate> updates, ProviderException? thenFail)
    {
        _attempts.Add(provider);
        await Task.Yield();
        foreach (var update in updates)
        {
            yield return update;
        }

        if (thenFail is not null)
        {
            throw thenFail;
        }
    }
}
