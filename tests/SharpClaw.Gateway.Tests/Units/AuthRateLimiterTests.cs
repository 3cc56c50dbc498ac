using Microsoft.Extensions.Time.Testing;
using SharpClaw.Gateway.Auth;

namespace SharpClaw.Gateway.Tests.Units;

public sealed class AuthRateLimiterTests
{
    [Fact]
    public void RemoteClient_IsLockedOutAfterTenFailures_ForFiveMinutes()
    {
        var time = new FakeTimeProvider(DateTimeOffset.Parse("2026-11-24T00:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
        var limiter = new AuthRateLimiter(time, () => new RateLimitSettings());
        for (var i = 0; i < 9; i++)
        {
            Assert.Equal(0, limiter.RecordFailure("shared-secret", "203.0.113.9", loopbackExempt: false));
            Assert.Null(limiter.CheckLockout("shared-secret", "203.0.113.9", false));
        }

        limiter.RecordFailure("shared-secret", "203.0.113.9", false);
        var wait = limiter.CheckLockout("shared-secret", "203.0.113.9", false);
        Assert.Equal(300_000, wait);
        Assert.Null(limiter.CheckLockout("device-token", "203.0.113.9", false)); // other scope unaffected
        time.Advance(TimeSpan.FromMinutes(5) + TimeSpan.FromSeconds(1));
        Assert.Null(limiter.CheckLockout("shared-secret", "203.0.113.9", false));
    }

    [Fact]
    public void FailuresOutsideWindow_DoNotCount()
    {
        var time = new FakeTimeProvider();
        var limiter = new AuthRateLimiter(time, () => new RateLimitSettings(MaxAttempts: 3));
        limiter.RecordFailure("s", "ip", false);
        limiter.RecordFailure("s", "ip", false);
        time.Advance(TimeSpan.FromSeconds(61));
        limiter.RecordFailure("s", "ip", false);
        Assert.Null(limiter.CheckLockout("s", "ip", false));
    }

    [Fact]
    public void Loopback_GetsEscalatingDelay_NotLockout()
    {
        var time = new FakeTimeProvider();
        var limiter = new AuthRateLimiter(time, () => new RateLimitSettings());
        var delays = Enumerable.Range(0, 8).Select(_ => limiter.RecordFailure("s", "127.0.0.1", loopbackExempt: true)).ToArray();
        Assert.Equal([250, 500, 1000, 2000, 4000, 5000, 5000, 5000], delays);
        Assert.Null(limiter.CheckLockout("s", "127.0.0.1", true));
    }

    [Fact]
    public void Success_ResetsScope()
    {
        var time = new FakeTimeProvider();
        var limiter = new AuthRateLimiter(time, () => new RateLimitSettings(MaxAttempts: 2));
        limiter.RecordFailure("s", "ip", false);
        limiter.Reset("s", "ip");
        limiter.RecordFailure("s", "ip", false);
        Assert.Null(limiter.CheckLockout("s", "ip", false));
    }
}
