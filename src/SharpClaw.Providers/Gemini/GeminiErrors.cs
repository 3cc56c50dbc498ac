using SharpClaw.Providers.Abstractions;
using SharpClaw.Providers.Errors;

namespace SharpClaw.Providers.Gemini;

/// <summary>
/// Gemini-specific corrections on top of the shared classifier: <c>400 INVALID_ARGUMENT</c> "The input token count
/// (N) exceeds the maximum number of tokens allowed (M)" is a context overflow, and <c>400</c> "API key not valid"
/// (<c>API_KEY_INVALID</c>) is an auth failure, not a format error.
/// </summary>
internal static class GeminiErrors
{
    private static readonly string[] OverflowPhrases = ["exceeds the maximum number of tokens", "input token count", "too many tokens"];

    private static readonly string[] AuthPhrases = ["api key not valid", "api_key_invalid", "api key expired", "api key not found"];

    public static ProviderException Refine(ProviderException ex)
    {
        var text = ex.Message.ToLowerInvariant();
        var reason = ex.Reason;
        if (ex.HttpStatus != 429 && OverflowPhrases.Any(p => text.Contains(p, StringComparison.Ordinal)) && text.Contains("exceed", StringComparison.Ordinal))
        {
            reason = FailoverReason.ContextOverflow;
        }
        else if (AuthPhrases.Any(p => text.Contains(p, StringComparison.Ordinal)))
        {
            reason = FailoverReason.Auth;
        }

        return reason == ex.Reason ? ex : new ProviderException(ex.Provider, ex.Model, reason, ex.Message, ex.HttpStatus, ex.RetryAfter, ex.InnerException ?? ex);
    }

    /// <summary>An <c>{"error":{…}}</c> object inside the SSE stream.</summary>
    public static ProviderException FromStreamError(string provider, string model, string errorJson)
        => Refine(ProviderErrors.FromText(provider, model, errorJson, FailoverReason.ServerError));
}
