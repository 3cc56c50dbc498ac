using System.Text.Json.Nodes;

namespace SharpClaw.Protocol.Frames;

/// <summary>The <c>error</c> object of a failed response: <c>{code, message, details?, retryable?, retryAfterMs?}</c>.</summary>
public sealed record ErrorShape(string Code, string Message, JsonNode? Details = null, bool? Retryable = null, long? RetryAfterMs = null)
{
    public static ErrorShape InvalidRequest(string message, JsonNode? details = null) => new(ErrorCodes.InvalidRequest, message, details);

    public static ErrorShape Unavailable(string message, long? retryAfterMs = null, JsonNode? details = null)
        => new(ErrorCodes.Unavailable, message, details, retryAfterMs is null ? null : true, retryAfterMs);

    /// <summary>The exact missing-scope shape legacy clients parse (<c>missing scope: X</c>).</summary>
    public static ErrorShape MissingScope(string scope) => new(
        ErrorCodes.Forbidden,
        $"missing scope: {scope}",
        new JsonObject
        {
            ["code"] = "MISSING_SCOPE",
            ["missingScope"] = scope,
            ["requiredScopes"] = new JsonArray(scope),
        });
}
