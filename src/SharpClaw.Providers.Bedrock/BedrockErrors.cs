using SharpClaw.Providers.Abstractions;
using SharpClaw.Providers.Errors;

namespace SharpClaw.Providers.Bedrock;

/// <summary>
/// Classifies Bedrock failures: exception events inside the event stream (<c>:exception-type</c> such as
/// <c>throttlingException</c>, <c>validationException</c>, <c>modelStreamErrorException</c>) and HTTP errors whose
/// body (<c>{"message": …}</c>) names an overflow the shared classifier does not know.
/// </summary>
internal static class BedrockErrors
{
    private static readonly string[] OverflowPhrases = ["too many input tokens", "too many tokens", "input is too long", "prompt is too long", "context length", "context window"];

    public static ProviderException FromStreamException(string provider, string model, string exceptionType, string? message)
    {
        var text = $"{exceptionType}: {message ?? "(no message)"}";
        var reason = exceptionType switch
        {
            "throttlingException" or "serviceQuotaExceededException" => FailoverReason.RateLimit,
            "modelNotReadyException" => FailoverReason.Overloaded,
            "serviceUnavailableException" or "internalServerException" or "modelStreamErrorException" => FailoverReason.ServerError,
            "modelTimeoutException" => FailoverReason.Timeout,
            "accessDeniedException" or "unrecognizedClientException" or "expiredTokenException" => FailoverReason.Auth,
            "resourceNotFoundException" => FailoverReason.ModelNotFound,
            "validationException" when IsOverflow(message) => FailoverReason.ContextOverflow,
            "validationException" => FailoverReason.Format,
            _ => ProviderErrorClassifier.Classify(null, text, FailoverReason.ServerError),
        };
        return new ProviderException(provider, model, reason, $"{provider}/{model}: {text}");
    }

    /// <summary>An HTTP error with an overflow message the shared classifier would call a format error.</summary>
    public static ProviderException Refine(ProviderException ex)
        => ex.Reason == FailoverReason.Format && IsOverflow(ex.Message)
            ? new ProviderException(ex.Provider, ex.Model, FailoverReason.ContextOverflow, ex.Message, ex.HttpStatus, ex.RetryAfter, ex.InnerException ?? ex)
            : ex;

    private static bool IsOverflow(string? message)
    {
        var lower = message?.ToLowerInvariant() ?? string.Empty;
        return OverflowPhrases.Any(p => lower.Contains(p, StringComparison.Ordinal));
    }
}
