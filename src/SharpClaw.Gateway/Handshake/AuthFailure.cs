using System.Text.Json.Nodes;
using SharpClaw.Protocol.Frames;

namespace SharpClaw.Gateway.Handshake;

/// <summary>Maps internal auth failure reasons to OpenClaw's connect error details and messages.</summary>
public static class AuthFailure
{
    public static ConnectFailure Create(string reason, bool canRetryWithDeviceToken = false, long? retryAfterMs = null)
    {
        var (code, message, next) = reason switch
        {
            "token_missing" => ("AUTH_TOKEN_MISSING", "gateway token missing (pass the gateway token as auth.token; see gateway.auth.token or OPENCLAW_GATEWAY_TOKEN)", "update_auth_credentials"),
            "token_mismatch" => ("AUTH_TOKEN_MISMATCH", "gateway token mismatch (provide gateway auth token)", canRetryWithDeviceToken ? "retry_with_device_token" : "update_auth_credentials"),
            "token_missing_config" => ("AUTH_TOKEN_NOT_CONFIGURED", "gateway token not configured (set gateway.auth.token or OPENCLAW_GATEWAY_TOKEN)", "update_auth_configuration"),
            "password_missing" => ("AUTH_PASSWORD_MISSING", "gateway password missing (pass it as auth.password)", "update_auth_credentials"),
            "password_mismatch" => ("AUTH_PASSWORD_MISMATCH", "gateway password mismatch (provide gateway auth password)", "update_auth_credentials"),
            "password_missing_config" => ("AUTH_PASSWORD_NOT_CONFIGURED", "gateway password not configured (set gateway.auth.password or OPENCLAW_GATEWAY_PASSWORD)", "update_auth_configuration"),
            "rate_limited" => ("AUTH_RATE_LIMITED", "too many failed authentication attempts (retry later)", "wait_then_retry"),
            "device_token_mismatch" => ("AUTH_DEVICE_TOKEN_MISMATCH", "device token mismatch (rotate/reissue device token)", "update_auth_credentials"),
            "scope_mismatch" => ("AUTH_SCOPE_MISMATCH", "device token scope mismatch (re-pair or approve scope upgrade)", "review_auth_configuration"),
            "tailscale_user_missing" => ("AUTH_TAILSCALE_IDENTITY_MISSING", "tailscale identity missing", "review_auth_configuration"),
            "tailscale_whois_failed" => ("AUTH_TAILSCALE_WHOIS_FAILED", "tailscale whois failed", "review_auth_configuration"),
            "tailscale_user_mismatch" => ("AUTH_TAILSCALE_IDENTITY_MISMATCH", "tailscale identity mismatch", "review_auth_configuration"),
            "proxy_attribution_required" => ("AUTH_UNAUTHORIZED", "request came through an unconfigured proxy (add it to gateway.trustedProxies)", "review_auth_configuration"),
            _ when reason.StartsWith("trusted_proxy_missing_header", StringComparison.Ordinal) => ("AUTH_IDENTITY_HEADER_REQUIRED", "trusted proxy identity header missing", "review_auth_configuration"),
            _ when reason.StartsWith("trusted_proxy", StringComparison.Ordinal) => ("AUTH_UNAUTHORIZED", $"trusted proxy rejected ({reason})", "review_auth_configuration"),
            "" => ("AUTH_REQUIRED", "authentication required", "update_auth_credentials"),
            _ => ("AUTH_UNAUTHORIZED", reason, "review_auth_configuration"),
        };
        var details = new JsonObject
        {
            ["code"] = code,
            ["authReason"] = reason,
            ["canRetryWithDeviceToken"] = canRetryWithDeviceToken,
            ["recommendedNextStep"] = next,
        };
        var error = new ErrorShape(ErrorCodes.InvalidRequest, "unauthorized: " + message, details, retryAfterMs is null ? null : true, retryAfterMs);
        return ConnectFailure.Policy(error);
    }
}
