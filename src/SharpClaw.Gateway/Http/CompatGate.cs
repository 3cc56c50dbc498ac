using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace SharpClaw.Gateway.Http;

/// <summary>
/// The checks every OpenAI-compatible and tool endpoint runs, in OpenClaw's order: method (405, before auth)
/// → gateway auth (401/429) → operator scope (403) → body under the limit (413/408/400).
/// </summary>
internal static class CompatGate
{
    /// <summary>Returns the parsed body, or null after writing the error reply.</summary>
    public static async Task<JsonNode?> PostJsonAsync(HttpApiContext api, HttpContext http, long maxBodyBytes, string requiredScope = "operator.write")
        => (await PostJsonWithAuthAsync(api, http, maxBodyBytes, requiredScope))?.Body;

    /// <summary>
    /// <see cref="PostJsonWithAuthAsync"/> for an endpoint that config can switch off: a disabled endpoint answers
    /// 404 before anything else, as if it did not exist.
    /// </summary>
    public static async Task<GateResult?> EnabledPostJsonWithAuthAsync(HttpApiContext api, HttpContext http, bool enabled, long maxBodyBytes)
    {
        if (!enabled)
        {
            await HttpReplies.NotFoundAsync(http);
            return null;
        }

        return await PostJsonWithAuthAsync(api, http, maxBodyBytes);
    }

    /// <summary>The parsed body with the caller's auth result, or null after writing the error reply.</summary>
    public static async Task<GateResult?> PostJsonWithAuthAsync(HttpApiContext api, HttpContext http, long maxBodyBytes, string requiredScope = "operator.write")
    {
        if (!HttpMethods.IsPost(http.Request.Method))
        {
            await HttpReplies.MethodNotAllowedAsync(http, "POST");
            return null;
        }

        if (await AuthorizeAsync(api, http, requiredScope) is not { } auth)
        {
            return null;
        }

        var body = await JsonBodyReader.ReadAsync(http, maxBodyBytes, api.Time);
        if (!body.IsOk)
        {
            var message = body.Error == BodyReadError.TooLarge ? $"Payload too large ({body.Message})"
                : body.Error == BodyReadError.Timeout ? "Request body timeout" : body.Message!;
            await HttpReplies.OpenAiErrorAsync(http, body.StatusCode, message);
            return null;
        }

        return new GateResult(body.Body ?? new JsonObject(), auth);
    }

    /// <summary>Gateway auth plus the operator scope; writes 401/429/403 and returns null on failure.</summary>
    public static async Task<HttpAuthResult?> AuthorizeAsync(HttpApiContext api, HttpContext http, string requiredScope)
    {
        var auth = await api.Auth.AuthenticateAsync(http);
        if (!auth.Ok)
        {
            await HttpReplies.AuthFailureAsync(http, auth);
            return null;
        }

        if (!HttpScopes.Satisfies(HttpScopes.Granted(auth, http.Request), requiredScope))
        {
            await HttpReplies.JsonAsync(http, StatusCodes.Status403Forbidden, new JsonObject
            {
                ["ok"] = false,
                ["error"] = new JsonObject { ["type"] = "forbidden", ["message"] = "missing scope: " + requiredScope },
            });
            return null;
        }

        return auth;
    }
}
