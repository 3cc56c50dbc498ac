using Microsoft.Extensions.AI;
using SharpClaw.Providers.Abstractions;
using SharpClaw.Providers.Tests.Infrastructure;
using static SharpClaw.Providers.Tests.Bedrock.BedrockTestContext;

namespace SharpClaw.Providers.Tests.Bedrock;

public sealed class BedrockErrorTests : ProviderErrorTestBase
{
    protected override string ChatPath => ConversePath;

    protected override string ProviderId => "amazon-bedrock";

    protected override string ModelId => Model;

    [Theory]
    [InlineData(403, "bedrock/error-403-token.json", FailoverReason.Auth)]
    [InlineData(403, "bedrock/error-403-access.json", FailoverReason.Auth)]
    [InlineData(429, "bedrock/error-429.json", FailoverReason.RateLimit)]
    [InlineData(400, "bedrock/error-400-overflow.json", FailoverReason.ContextOverflow)]
    [InlineData(400, "bedrock/error-400-validation.json", FailoverReason.Format)]
    [InlineData(404, "bedrock/error-404.json", FailoverReason.ModelNotFound)]
    [InlineData(500, "bedrock/error-500.json", FailoverReason.ServerError)]
    [InlineData(503, "bedrock/error-500.json", FailoverReason.ServerError)]
    public async Task Http_errors_are_classified(int status, string body, FailoverReason reason)
    {
        var ex = await FailWithAsync(GoldenReply.JsonFile(status, body).WithHeader("x-amzn-ErrorType", "SomeException:http://internal.amazon.com/coral/com.amazon.bedrock/"));

        AssertHttpFailure(ex, reason, status);
    }

    [Theory]
    [InlineData("bedrock/converse-throttled.jsonl", FailoverReason.RateLimit, "throttlingException")]
    [InlineData("bedrock/converse-validation-overflow.jsonl", FailoverReason.ContextOverflow, "Input is too long")]
    [InlineData("bedrock/converse-stream-error.jsonl", FailoverReason.ServerError, "modelStreamErrorException")]
    public async Task Exception_events_in_the_stream_are_classified(string golden, FailoverReason reason, string text)
    {
        var ex = await FailWithAsync(BedrockFrames.Reply(golden));

        Assert.Equal(reason, ex.Reason);
        Assert.Contains(text, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Stream_cut_mid_way_is_a_timeout()
    {
        var ex = await FailWithAsync(BedrockFrames.Reply("bedrock/converse-cut.jsonl") with { AbortAtEnd = true });

        AssertStreamEndedUnexpectedly(ex);
    }

    [Fact]
    public async Task Stream_cut_inside_a_frame_is_a_timeout()
    {
        var frames = BedrockFrames.FromGolden("bedrock/converse-text.jsonl").ToList();
        frames[2] = frames[2][..(frames[2].Length / 2)];

        var ex = await FailWithAsync(BedrockFrames.Reply(frames.Take(3)));

        Assert.Equal(FailoverReason.Timeout, ex.Reason);
    }

    [Fact]
    public async Task Corrupted_frame_checksum_is_reported_as_a_broken_stream()
    {
        var frames = BedrockFrames.FromGolden("bedrock/converse-text.jsonl").ToList();
        frames[1][^1] ^= 0xFF;

        var ex = await FailWithAsync(BedrockFrames.Reply(frames));

        Assert.Equal(FailoverReason.Timeout, ex.Reason);
        Assert.Contains("malformed event stream frame", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Stream_closed_before_message_stop_is_a_timeout()
    {
        var ex = await FailWithAsync(BedrockFrames.Reply("bedrock/converse-cut.jsonl"));

        Assert.Equal(FailoverReason.Timeout, ex.Reason);
    }

    protected override IChatClient Client() => Provider(Server).CreateChatClient(Model);
}
