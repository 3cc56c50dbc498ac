using Microsoft.Extensions.Time.Testing;
using SharpClaw.Gateway.Agents.Failover;
using SharpClaw.Providers.Abstractions;

namespace SharpClaw.Gateway.Tests.Failover;

public sealed class CooldownScheduleTests
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 25, 12, 0, 0, TimeSpan.Zero));

    [Fact]
    public void Rate_limits_back_off_5_then_25_then_60_minutes_and_stay_capped()
    {
        var health = new ProviderHealth(_clock);
        var expected = new[] { 5, 25, 60, 60 };
        foreach (var minutes in expected)
        {
            var start = _clock.GetUtcNow();
            health.RecordFailure("anthropic", "claude-opus-4-6", FailoverReason.RateLimit);

            var state = health.Get("anthropic");
            Assert.Equal(start + TimeSpan.FromMinutes(minutes), state.CooldownUntil);
            Assert.Equal("rate_limit", state.CooldownReason);
            Assert.Equal("claude-opus-4-6", state.CooldownModel);
            Assert.Equal(CandidateDecision.Skip, health.Check("anthropic").Decision);

            _clock.Advance(TimeSpan.FromMinutes(minutes));
            Assert.Equal(CandidateDecision.Allowed, health.Check("anthropic").Decision);
        }

        Assert.Equal(4, health.Get("anthropic").ErrorCount);
        Assert.Equal(4, health.Get("anthropic").FailureCounts["rate_limit"]);
    }

    [Fact]
    public void A_failure_during_an_active_window_does_not_extend_it()
    {
        var health = new ProviderHealth(_clock);
        var start = _clock.GetUtcNow();
        health.RecordFailure("openai", "gpt-5-mini", FailoverReason.RateLimit);
        _clock.Advance(TimeSpan.FromMinutes(4));

        health.RecordFailure("openai", "gpt-5-mini", FailoverReason.RateLimit);

        Assert.Equal(start + TimeSpan.FromMinutes(5), health.Get("openai").CooldownUntil);
        Assert.Equal(1, health.Get("openai").CooldownStep);
        Assert.Equal(2, health.Get("openai").ErrorCount);
    }

    [Fact]
    public void Billing_disables_the_provider_with_the_same_backoff()
    {
        var health = new ProviderHealth(_clock);
        var start = _clock.GetUtcNow();

        health.RecordFailure("openrouter", "x/y", FailoverReason.Billing);
        Assert.Equal(start + TimeSpan.FromMinutes(5), health.Get("openrouter").DisabledUntil);
        Assert.Equal("billing", health.Get("openrouter").DisabledReason);
        Assert.Null(health.Get("openrouter").CooldownUntil);
        Assert.Equal("disabled", health.Get("openrouter").StateAt(_clock.GetUtcNow()));
        var skip = health.Check("openrouter");
        Assert.Equal(CandidateDecision.Skip, skip.Decision);
        Assert.Equal("billing", skip.Reason);

        _clock.Advance(TimeSpan.FromMinutes(5));
        health.RecordFailure("openrouter", "x/y", FailoverReason.Billing);
        Assert.Equal(_clock.GetUtcNow() + TimeSpan.FromMinutes(25), health.Get("openrouter").DisabledUntil);

        _clock.Advance(TimeSpan.FromMinutes(25));
        health.RecordFailure("openrouter", "x/y", FailoverReason.Billing);
        Assert.Equal(_clock.GetUtcNow() + TimeSpan.FromMinutes(60), health.Get("openrouter").DisabledUntil);
    }

    [Fact]
    public void Near_expiry_a_probe_is_allowed_every_30_seconds()
    {
        var health = new ProviderHealth(_clock);
        health.RecordFailure("anthropic", null, FailoverReason.RateLimit); // until +5:00, probes from +3:00

        _clock.Advance(TimeSpan.FromSeconds(179));
        Assert.Equal(CandidateDecision.Skip, health.Check("anthropic").Decision);

        _clock.Advance(TimeSpan.FromSeconds(1)); // +3:00
        Assert.Equal(CandidateDecision.Probe, health.Check("anthropic").Decision);
        health.RecordFailure("anthropic", null, FailoverReason.RateLimit); // the probe failed: window unchanged
        Assert.Equal(CandidateDecision.Skip, health.Check("anthropic").Decision);

        _clock.Advance(TimeSpan.FromSeconds(29)); // +3:29
        Assert.Equal(CandidateDecision.Skip, health.Check("anthropic").Decision);

        _clock.Advance(TimeSpan.FromSeconds(1)); // +3:30
        Assert.Equal(CandidateDecision.Probe, health.Check("anthropic").Decision);
        Assert.Equal(CandidateDecision.Skip, health.Check("anthropic").Decision); // one probe per 30 s
    }

    [Fact]
    public void Success_resets_the_error_count_and_the_backoff()
    {
        var health = new ProviderHealth(_clock);
        health.RecordFailure("xai", null, FailoverReason.RateLimit);
        _clock.Advance(TimeSpan.FromMinutes(5));
        health.RecordFailure("xai", null, FailoverReason.RateLimit); // step 2: 25 min
        _clock.Advance(TimeSpan.FromMinutes(25));

        health.RecordSuccess("xai");

        var state = health.Get("xai");
        Assert.True(state.IsClean);
        Assert.Equal(0, state.ErrorCount);
        Assert.Equal(_clock.GetUtcNow(), state.LastUsed);
        health.RecordFailure("xai", null, FailoverReason.RateLimit);
        Assert.Equal(_clock.GetUtcNow() + TimeSpan.FromMinutes(5), health.Get("xai").CooldownUntil);
    }

    [Theory]
    [InlineData(FailoverReason.ContextOverflow)]
    [InlineData(FailoverReason.Format)]
    [InlineData(FailoverReason.Aborted)]
    public void Overflow_format_and_abort_are_not_provider_failures(FailoverReason reason)
    {
        var health = new ProviderHealth(_clock);

        health.RecordFailure("anthropic", null, reason);

        Assert.True(health.Get("anthropic").IsClean);
    }

    [Fact]
    public void Server_errors_count_but_open_no_window()
    {
        var health = new ProviderHealth(_clock);

        health.RecordFailure("anthropic", null, FailoverReason.ServerError);

        Assert.Equal(1, health.Get("anthropic").ErrorCount);
        Assert.Equal(CandidateDecision.Allowed, health.Check("anthropic").Decision);
    }
}
