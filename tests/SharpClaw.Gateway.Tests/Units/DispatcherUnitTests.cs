using Microsoft.Extensions.Time.Testing;
using SharpClaw.Gateway.Rpc;
using SharpClaw.Protocol.Frames;

namespace SharpClaw.Gateway.Tests.Units;

public sealed class DispatcherUnitTests
{
    [Fact]
    public async Task IdempotencyCache_ReplaysOutcome_WithinTtl_AndRunsAgainAfter()
    {
        var time = new FakeTimeProvider();
        var cache = new IdempotencyCache(time, ttlMs: 300_000, max: 1000);
        var runs = 0;
        Task<RpcOutcome> Run() => Task.FromResult(new RpcOutcome(true, JsonPayload.From(System.Text.Json.Nodes.JsonValue.Create(++runs)), null));
        var a = await cache.GetOrRunAsync("agent\nk1", Run);
        var b = await cache.GetOrRunAsync("agent\nk1", Run);
        Assert.Same(a, b);
        Assert.Equal(1, runs);
        time.Advance(TimeSpan.FromMinutes(6));
        await cache.GetOrRunAsync("agent\nk1", Run);
        Assert.Equal(2, runs);
    }

    [Fact]
    public void ControlPlaneLimiter_AllowsThreePerMinute()
    {
        var time = new FakeTimeProvider();
        var limiter = new ControlPlaneRateLimiter(time);
        Assert.Null(limiter.TryAcquire("dev"));
        Assert.Null(limiter.TryAcquire("dev"));
        Assert.Null(limiter.TryAcquire("dev"));
        var wait = limiter.TryAcquire("dev");
        Assert.NotNull(wait);
        Assert.InRange(wait!.Value, 1, 60_000);
        Assert.Null(limiter.TryAcquire("other-device"));
        time.Advance(TimeSpan.FromSeconds(61));
        Assert.Null(limiter.TryAcquire("dev"));
    }

    [Fact]
    public void FrameParser_RejectsExtraFieldsAndLongTraceparent()
    {
        Assert.True(FrameParser.Parse("""{"type":"req","id":"1","method":"health"}"""u8.ToArray()).Success);
        var extra = FrameParser.Parse("""{"type":"req","id":"1","method":"health","x":1}"""u8.ToArray());
        Assert.False(extra.Success);
        Assert.Equal("1", extra.Id);
        Assert.Contains("unexpected property 'x'", extra.Error);
        Assert.False(FrameParser.Parse(System.Text.Encoding.UTF8.GetBytes($$"""{"type":"req","id":"1","method":"h","traceparent":"{{new string('0', 129)}}"}""")).Success);
        Assert.False(FrameParser.Parse("""{"type":"res","id":"1","method":"h"}"""u8.ToArray()).Success);
        Assert.False(FrameParser.Parse("[1]"u8.ToArray()).Success);
        Assert.False(FrameParser.Parse("nope"u8.ToArray()).IsJson);
    }
}
