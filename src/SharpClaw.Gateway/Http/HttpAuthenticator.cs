using Microsoft.AspNetCore.Http;
using SharpClaw.Core.Security;
using SharpClaw.Gateway.Auth;
using SharpClaw.Gateway.Runtime;

namespace SharpClaw.Gateway.Http;

/// <summary>
/// Gateway auth for HTTP surfaces: <c>Authorization: Bearer &lt;secret&gt;</c> or <c>X-OpenClaw-Token</c>,
/// token or password mode, constant-time compare, the shared failed-auth limiter (scope <c>http</c>).
/// </summary>
public sealed class HttpAuthenticator(GatewayServices services)
{
    public async Task<HttpAuthResult> AuthenticateAsync(HttpContext http)
    {
        var settings = services.Settings();
        if (settings.AuthMode == "none")
        {
            return HttpAuthResult.Success("none");
        }

        var provided = ReadCredential(http.Request);
        var expected = settings.AuthMode == "password" ? settings.Password : settings.Token;
        if (expected is null)
        {
            return HttpAuthResult.Failure(StatusCodes.Status401Unauthorized, $"gateway auth is not configured (set gateway.auth.{settings.AuthMode})");
        }

        if (provided is null)
        {
            return HttpAuthResult.Failure(StatusCodes.Status401Unauthorized, "missing credentials: send Authorization: Bearer <gateway token> or X-OpenClaw-Token");
        }

        var ip = http.Connection.RemoteIpAddress;
        var key = ClientAddress.Key(ip);
        var exempt = ClientAddress.IsLoopback(ip) && !http.Request.Headers.ContainsKey("X-Forwarded-For");
        var scope = "http-" + settings.AuthMode;
        if (services.AuthLimiter.CheckLockout(scope, key, exempt) is { } waitMs)
        {
            return HttpAuthResult.Failure(StatusCodes.Status429TooManyRequests, "too many failed authentication attempts; retry later", waitMs);
        }

        if (SecretComparer.SecretEquals(provided, expected))
        {
            services.AuthLimiter.Reset(scope, key);
            return HttpAuthResult.Success(settings.AuthMode);
        }

        var delay = services.AuthLimiter.RecordFailure(scope, key, exempt);
        if (delay > 0)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(delay), services.Time, http.RequestAborted);
        }

        return HttpAuthResult.Failure(StatusCodes.Status401Unauthorized, $"invalid gateway {settings.AuthMode}");
    }

    public static string? ReadCredential(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        if (header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            var value = header["Bearer ".Length..].Trim();
            return value.Length > 0 ? value : null;
        }

        var token = request.Headers["X-OpenClaw-Token"].ToString().Trim();
        return token.Length > 0 ? token : null;
    }
}
