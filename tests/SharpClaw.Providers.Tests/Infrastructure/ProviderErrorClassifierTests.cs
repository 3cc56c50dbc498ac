using Microsoft.Extensions.Time.Testing;
using SharpClaw.Providers.Abstractions;
using SharpClaw.Providers.Errors;

namespace SharpClaw.Providers.Tests.Infrastructure;

public sealed class ProviderErrorClassifierTests
{
    [Theory]
    [InlineData(401, "invalid x-api-key", FailoverReason.Auth)]
    [InlineData(403, "API key has been revoked", FailoverReason.AuthPermanent)]
    [InlineData(403, "Key limit exceeded", FailoverReason.Billing)]
    [InlineData(401, "Your credit balance is too low", FailoverReason.Billing)]
    [InlineData(402, "Payment required", FailoverReason.Billing)]
    [InlineData(402, "Daily spend limit reached, try again tomorrow", FailoverReason.RateLimit)]
    [InlineData(429, "maximum context length is quoted here but this is a 429", FailoverReason.RateLimit)]
    [InlineData(413, "request_too_large", FailoverReason.ContextOverflow)]
    [InlineData(400, "Input is too long for the model", FailoverReason.ContextOverflow)]
    [InlineData(400, "messages: field required", FailoverReason.Format)]
    [InlineData(422, "Too many requests for this key", FailoverReason.RateLimit)]
    [InlineData(408, "", FailoverReason.Timeout)]
    [InlineData(524, "", FailoverReason.Timeout)]
    [InlineData(503, "The engine is currently overloaded", FailoverReason.Overloaded)]
    [InlineData(503, "Service Unavailable", FailoverReason.ServerError)]
    [InlineData(529, "", FailoverReason.Overloaded)]
    [InlineData(null, "overloaded_error", FailoverReason.Overloaded)]
    [InlineData(null, "rate_limit_error: slow down", FailoverReason.RateLimit)]
    [InlineData(null, "ThrottlingException: Too many tokens", FailoverReason.RateLimit)]
    [InlineData(null, "An unknown error occurred", FailoverReason.Timeout)]
    [InlineData(null, "something odd", FailoverReason.Unknown)]
    public void Classifies_status_and_text(int? status, string text, FailoverReason expected)
        => Assert.Equal(expected, ProviderErrorClassifier.Classify(status, text));

    [Theory]
    [InlineData("""{"error":{"message":"nested","type":"x"}}""", "nested")]
    [InlineData("""{"type":"error","error":{"type":"api_error","message":"anthropic style"}}""", "anthropic style")]
    [InlineData("""{"error":"ollama style"}""", "ollama style")]
    [InlineData("""{"detail":"fastapi style"}""", "fastapi style")]
    [InlineData("""SSE error returned from server: '{"type":"error","error":{"type":"overloaded_error","message":"Overloaded"}}'""", "Overloaded")]
    [InlineData("<html>Bad Gateway</html>", "<html>Bad Gateway</html>")]
    public void Extracts_error_messages(string body, string expected)
        => Assert.Equal(expected, ErrorBodyReader.ExtractMessage(body));

    [Fact]
    public void Parses_retry_after_forms()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 1, 1, 12, 0, 0, TimeSpan.Zero));

        Assert.Equal(TimeSpan.FromSeconds(30), RetryAfterParser.Parse(null, "30", time));
        Assert.Equal(TimeSpan.FromMilliseconds(250), RetryAfterParser.Parse("250", "30", time));
        Assert.Equal(TimeSpan.FromSeconds(90), RetryAfterParser.Parse(null, "Thu, 01 Jan 2026 12:01:30 GMT", time));
        Assert.Null(RetryAfterParser.Parse(null, "soon", time));
    }
}
