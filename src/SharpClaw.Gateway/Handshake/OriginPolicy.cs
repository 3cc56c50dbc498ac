using System.Text.Json.Nodes;
using SharpClaw.Gateway.Runtime;

namespace SharpClaw.Gateway.Handshake;

/// <summary>
/// Browser origin check for WebSocket connects (ws-protocol §4.5 step 6, security §1.11): the Origin must be
/// in <c>gateway.controlUi.allowedOrigins</c> (or <c>*</c>), match the Host only with the explicit fallback
/// setting, or be a loopback origin on a genuinely local socket.
/// </summary>
public static class OriginPolicy
{
    public static string? Check(string? origin, string? host, bool socketIsLocal, GatewayRuntimeSettings settings)
    {
        if (string.IsNullOrWhiteSpace(origin) || origin.Trim() == "null")
        {
            return "origin missing";
        }

        var normalized = origin.Trim().TrimEnd('/').ToLowerInvariant();
        if (!Uri.TryCreate(normalized, UriKind.Absolute, out var uri) || (uri.Scheme != "http" && uri.Scheme != "https"))
        {
            return "origin unparsable";
        }

        foreach (var allowed in settings.AllowedOrigins)
        {
            var a = allowed.Trim().TrimEnd('/').ToLowerInvariant();
            if (a == "*" || a == normalized)
            {
                return null;
            }
        }

        if (settings.AllowHostHeaderOriginFallback && host is not null && string.Equals(uri.Authority, host.Trim(), StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        if (socketIsLocal && (uri.Host is "localhost" or "127.0.0.1" or "[::1]" or "::1"))
        {
            return null;
        }

        return "origin not in gateway.controlUi.allowedOrigins";
    }

    public static ConnectFailure Failure(string origin, string reason)
        => ConnectFailure.Invalid(
            $"origin not allowed ({origin}: {reason}; add it to gateway.controlUi.allowedOrigins)",
            new JsonObject { ["code"] = "CONTROL_UI_ORIGIN_NOT_ALLOWED", ["reason"] = reason });
}
