using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace SharpClaw.Gateway.Http;

/// <summary>Small writers for the HTTP surfaces: JSON bodies, plain text, OpenAI-style errors.</summary>
internal static class HttpReplies
{
    public static Task JsonAsync(HttpContext http, int status, JsonNode body)
    {
        http.Response.StatusCode = status;
        http.Response.ContentType = "application/json; charset=utf-8";
        return http.Response.WriteAsync(body.ToJsonString(), http.RequestAborted);
    }

    public static Task TextAsync(HttpContext http, int status, string text)
    {
        http.Response.StatusCode = status;
        http.Response.ContentType = "text/plain; charset=utf-8";
        return http.Response.WriteAsync(text, http.RequestAborted);
    }

    public static Task NotFoundAsync(HttpContext http) => TextAsync(http, StatusCodes.Status404NotFound, "Not Found");

    public static Task MethodNotAllowedAsync(HttpContext http, string allow)
    {
        http.Response.Headers.Allow = allow;
        return TextAsync(http, StatusCodes.Status405MethodNotAllowed, "Method Not Allowed");
    }

    /// <summary><c>{"error":{"message","type"[,"code"]}}</c> as the OpenAI API shapes its errors.</summary>
    public static Task OpenAiErrorAsync(HttpContext http, int status, string message, string type = "invalid_request_error", string? code = null)
    {
        var error = new JsonObject { ["message"] = message, ["type"] = type };
        if (code is not null)
        {
            error["code"] = code;
        }

        return JsonAsync(http, status, new JsonObject { ["error"] = error });
    }

    /// <summary>The OpenAI-style reply for a failed gateway auth (401, or 429 with Retry-After).</summary>
    public static Task AuthFailureAsync(HttpContext http, HttpAuthResult auth)
    {
        if (auth.StatusCode == StatusCodes.Status429TooManyRequests)
        {
            if (auth.RetryAfterMs is > 0 and var ms)
            {
                http.Response.Headers.RetryAfter = ((ms + 999) / 1000).ToString(System.Globalization.CultureInfo.InvariantCulture);
            }

            return OpenAiErrorAsync(http, auth.StatusCode, "Too many failed authentication attempts. Please try again later.", "rate_limited");
        }

        return OpenAiErrorAsync(http, auth.StatusCode, "Unauthorized: " + (auth.Error ?? "invalid credentials"), "unauthorized");
    }

    /// <summary>Starts a server-sent-events response (headers flushed at once).</summary>
    public static async Task StartEventStreamAsync(HttpContext http)
    {
        http.Response.StatusCode = StatusCodes.Status200OK;
        http.Response.ContentType = "text/event-stream; charset=utf-8";
        http.Response.Headers.CacheControl = "no-cache";
        http.Response.Headers.Connection = "keep-alive";
        http.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpResponseBodyFeature>()?.DisableBuffering();
        await http.Response.Body.FlushAsync(http.RequestAborted);
    }

    public static async Task SseDataAsync(HttpContext http, string data, string? eventName = null)
    {
        var frame = eventName is null ? $"data: {data}\n\n" : $"event: {eventName}\ndata: {data}\n\n";
        await http.Response.WriteAsync(frame, http.RequestAborted);
        await http.Response.Body.FlushAsync(http.RequestAborted);
    }
}
