namespace SharpClaw.Gateway.Http;

/// <summary>Outcome of HTTP gateway auth.</summary>
public sealed record HttpAuthResult(bool Ok, string? Method, int StatusCode, string? Error, long? RetryAfterMs)
{
    public static HttpAuthResult Success(string method) => new(true, method, 200, null, null);

    public static HttpAuthResult Failure(int status, string error, long? retryAfterMs = null) => new(false, null, status, error, retryAfterMs);
}
