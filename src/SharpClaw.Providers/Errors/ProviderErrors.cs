using SharpClaw.Providers.Abstractions;

namespace SharpClaw.Providers.Errors;

/// <summary>Builds classified <see cref="ProviderException"/>s with a uniform message layout.</summary>
internal static class ProviderErrors
{
    public const string StreamEndedMessage = "stream ended unexpectedly";

    /// <summary>An HTTP error response (status + body).</summary>
    public static ProviderException FromHttp(string provider, string? model, int status, string? body, TimeSpan? retryAfter, Exception? inner = null)
    {
        var detail = ErrorBodyReader.ExtractMessage(body) ?? "(no body)";
        var reason = ProviderErrorClassifier.Classify(status, body);
        return new ProviderException(provider, model, reason, $"{Prefix(provider, model)}HTTP {status}: {detail}", status, retryAfter, inner);
    }

    /// <summary>An error reported without an HTTP status (an SSE <c>error</c> event, an Ollama <c>{"error":…}</c> line).</summary>
    public static ProviderException FromText(string provider, string? model, string text, FailoverReason fallback, Exception? inner = null)
    {
        var detail = ErrorBodyReader.ExtractMessage(text) ?? text;
        var reason = ProviderErrorClassifier.Classify(null, text, fallback);
        return new ProviderException(provider, model, reason, $"{Prefix(provider, model)}{detail}", null, null, inner);
    }

    public static ProviderException StreamEnded(string provider, string? model, string? detail = null, Exception? inner = null)
        => new(provider, model, FailoverReason.Timeout, $"{Prefix(provider, model)}{StreamEndedMessage}{(detail is null ? string.Empty : ": " + detail)}", null, null, inner);

    /// <summary>The same failure with the model filled in (HTTP handlers do not know the model).</summary>
    public static ProviderException WithModel(ProviderException ex, string? model)
    {
        if (ex.Model is not null || model is null)
        {
            return ex;
        }

        var message = ex.Message.StartsWith(ex.Provider + ": ", StringComparison.Ordinal)
            ? $"{ex.Provider}/{model}: {ex.Message[(ex.Provider.Length + 2)..]}"
            : ex.Message;
        return new ProviderException(ex.Provider, model, ex.Reason, message, ex.HttpStatus, ex.RetryAfter, ex.InnerException ?? ex);
    }

    private static string Prefix(string provider, string? model) => model is null ? $"{provider}: " : $"{provider}/{model}: ";
}
