using SharpClaw.Providers.Abstractions;

namespace SharpClaw.Providers.Errors;

/// <summary>
/// Maps an HTTP status and/or provider error text to a <see cref="FailoverReason"/> following OpenClaw's
/// failure classification (openclaw-core §5.5). Text rules run first for billing and context overflow because
/// providers report those under several statuses (Anthropic sends "credit balance is too low" as a 400).
/// </summary>
internal static class ProviderErrorClassifier
{
    private static readonly string[] BillingPhrases =
    [
        "insufficient credits", "insufficient credit", "credit balance too low", "credit balance is too low",
        "insufficient balance", "key limit exceeded", "billing_error", "payment required",
    ];

    private static readonly string[] OverflowPhrases =
    [
        "context length exceeded", "context_length_exceeded", "maximum context length", "context window",
        "prompt is too long", "request_too_large", "input exceeds the maximum number of tokens",
        "input token count exceeds the maximum", "input is too long", "exceeds the context",
        "model_max_prompt_tokens_exceeded", "prompt token count of", // GitHub Copilot: "prompt token count of N exceeds the limit of M"
    ];

    private static readonly string[] RateLimitPhrases =
    [
        "rate limit", "rate_limit", "ratelimit", "too many requests", "quota", "resource exhausted", "resource_exhausted",
        "too many concurrent requests", "throttlingexception", "throttled", "concurrency limit reached",
        "daily limit reached", "weekly limit reached", "monthly limit reached",
    ];

    private static readonly string[] OverloadedPhrases = ["overloaded", "modelnotreadyexception"];

    private static readonly string[] PermanentAuthPhrases = ["revoked", "deactivated", "disabled", "suspended"];

    private static readonly string[] AuthPhrases =
    [
        "invalid api key", "invalid_api_key", "incorrect api key", "invalid x-api-key", "authentication_error",
        "unauthorized", "permission_error",
    ];

    private static readonly string[] TimeoutPhrases =
    [
        "timed out", "timeout", "stream ended", "an unknown error occurred", "internal server error", "upstream error",
        "backend error", "api_error",
    ];

    private static readonly string[] ModelNotFoundPhrases = ["model_not_found", "model not found", "not_found_error", "try pulling it first"];

    /// <summary>Classifies a failure from its HTTP status (null when there is none, e.g. a mid-stream error event) and text.</summary>
    public static FailoverReason Classify(int? status, string? text, FailoverReason fallback = FailoverReason.Unknown)
    {
        var lower = text?.ToLowerInvariant() ?? string.Empty;
        if (ContainsAny(lower, BillingPhrases))
        {
            return FailoverReason.Billing;
        }

        if (status != 429 && ContainsAny(lower, OverflowPhrases))
        {
            return FailoverReason.ContextOverflow;
        }

        return status switch
        {
            401 or 403 => ContainsAny(lower, PermanentAuthPhrases) ? FailoverReason.AuthPermanent : FailoverReason.Auth,
            402 => lower.Contains("try again", StringComparison.Ordinal) || lower.Contains("retry", StringComparison.Ordinal)
                ? FailoverReason.RateLimit
                : FailoverReason.Billing,
            404 => FailoverReason.ModelNotFound,
            408 or 499 or 504 or 522 or 524 => FailoverReason.Timeout,
            429 => FailoverReason.RateLimit,
            529 => FailoverReason.Overloaded,
            503 when ContainsAny(lower, OverloadedPhrases) => FailoverReason.Overloaded,
            >= 500 and < 600 => FailoverReason.ServerError,
            >= 400 and < 500 => ContainsAny(lower, RateLimitPhrases) ? FailoverReason.RateLimit : FailoverReason.Format,
            _ => ClassifyText(lower, fallback),
        };
    }

    private static FailoverReason ClassifyText(string lower, FailoverReason fallback)
    {
        if (ContainsAny(lower, OverloadedPhrases))
        {
            return FailoverReason.Overloaded;
        }

        if (ContainsAny(lower, RateLimitPhrases))
        {
            return FailoverReason.RateLimit;
        }

        if (ContainsAny(lower, AuthPhrases))
        {
            return ContainsAny(lower, PermanentAuthPhrases) ? FailoverReason.AuthPermanent : FailoverReason.Auth;
        }

        if (ContainsAny(lower, ModelNotFoundPhrases))
        {
            return FailoverReason.ModelNotFound;
        }

        return ContainsAny(lower, TimeoutPhrases) ? FailoverReason.Timeout : fallback;
    }

    private static bool ContainsAny(string text, string[] phrases)
    {
        foreach (var phrase in phrases)
        {
            if (text.Contains(phrase, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }
}
