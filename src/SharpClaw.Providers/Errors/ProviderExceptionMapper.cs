using System.ClientModel;
using System.Text.Json;
using Anthropic.Exceptions;
using SharpClaw.Providers.Abstractions;

namespace SharpClaw.Providers.Errors;

/// <summary>
/// Turns whatever an SDK or the HTTP stack threw into a classified <see cref="ProviderException"/>:
/// exceptions raised by <see cref="ProviderHttpHandler"/> (found anywhere in the inner-exception chain),
/// OpenAI <see cref="ClientResultException"/>, Anthropic API/SSE exceptions, broken streams and timeouts.
/// </summary>
internal static class ProviderExceptionMapper
{
    public static ProviderException Map(Exception exception, string provider, string? model, TimeProvider timeProvider)
    {
        if (Find<ProviderException>(exception) is { } classified)
        {
            return ProviderErrors.WithModel(classified, model);
        }

        if (Find<ClientResultException>(exception) is { Status: > 0 } clientResult)
        {
            var raw = clientResult.GetRawResponse();
            string? body = null;
            TimeSpan? retryAfter = null;
            if (raw is not null)
            {
                body = TryReadBody(raw);
                raw.Headers.TryGetValue("retry-after-ms", out var retryMs);
                raw.Headers.TryGetValue("retry-after", out var retry);
                retryAfter = RetryAfterParser.Parse(retryMs, retry, timeProvider);
            }

            return ProviderErrors.FromHttp(provider, model, clientResult.Status, body ?? clientResult.Message, retryAfter, exception);
        }

        if (Find<AnthropicApiException>(exception) is { } anthropicApi)
        {
            return ProviderErrors.FromHttp(provider, model, (int)anthropicApi.StatusCode, anthropicApi.ResponseBody, null, exception);
        }

        if (Find<AnthropicSseException>(exception) is { } sse)
        {
            return ProviderErrors.FromText(provider, model, sse.Message, FailoverReason.ServerError, exception);
        }

        if (Find<IOException>(exception) is { } io)
        {
            return ProviderErrors.StreamEnded(provider, model, io.Message, exception);
        }

        if (Find<HttpRequestException>(exception) is { } http)
        {
            return http.StatusCode is { } status
                ? ProviderErrors.FromHttp(provider, model, (int)status, http.Message, null, exception)
                : new ProviderException(provider, model, FailoverReason.Timeout, $"{provider}{(model is null ? string.Empty : "/" + model)}: connection failed: {http.Message}", null, null, exception);
        }

        if (exception is OperationCanceledException || Find<TimeoutException>(exception) is not null)
        {
            return new ProviderException(provider, model, FailoverReason.Timeout, $"{provider}{(model is null ? string.Empty : "/" + model)}: request timed out", null, null, exception);
        }

        if (Find<JsonException>(exception) is not null || Find<AnthropicInvalidDataException>(exception) is not null)
        {
            return ProviderErrors.StreamEnded(provider, model, "malformed response: " + exception.Message, exception);
        }

        return new ProviderException(provider, model, FailoverReason.Unknown, $"{provider}{(model is null ? string.Empty : "/" + model)}: {exception.Message}", null, null, exception);
    }

    private static T? Find<T>(Exception? exception)
        where T : Exception
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            if (current is T match)
            {
                return match;
            }

            if (current is AggregateException aggregate)
            {
                foreach (var inner in aggregate.InnerExceptions)
                {
                    if (Find<T>(inner) is { } nested)
                    {
                        return nested;
                    }
                }
            }
        }

        return null;
    }

    private static string? TryReadBody(System.ClientModel.Primitives.PipelineResponse response)
    {
        try
        {
            return response.Content?.ToString();
        }
        catch (InvalidOperationException)
        {
            return null; // streamed response whose body was not buffered
        }
    }
}
