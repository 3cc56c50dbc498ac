using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;
using SharpClaw.Gateway.Auth;
using SharpClaw.Gateway.Http.OpenAi;

namespace SharpClaw.Gateway.Http;

/// <summary>Request context shared by the OpenAI-compatible endpoints: channel, model override, client address.</summary>
internal static partial class HttpRunRequests
{
    public const string InvalidModelOverride = "Invalid `x-openclaw-model`.";

    /// <summary><c>x-openclaw-message-channel</c> (trimmed, lower-cased) or <c>webchat</c>.</summary>
    public static string Channel(HttpRequest request)
        => ModelAgentResolver.FirstHeader(request, "x-openclaw-message-channel")?.ToLowerInvariant() ?? "webchat";

    /// <summary><c>x-openclaw-model</c>: <c>provider/model</c> or a bare model id; null when absent.</summary>
    public static string? ModelOverride(HttpRequest request, out string? error)
    {
        error = null;
        var value = ModelAgentResolver.FirstHeader(request, "x-openclaw-model");
        if (value is not null && !ModelRef().IsMatch(value))
        {
            error = InvalidModelOverride;
            return null;
        }

        return value;
    }

    /// <summary>The caller's address as used in session keys (IPv4-mapped addresses unwrapped).</summary>
    public static string ClientIp(HttpContext http) => ClientAddress.Key(http.Connection.RemoteIpAddress);

    /// <summary><c>x-openclaw-session-key</c> if sent (used verbatim).</summary>
    public static string? SessionKeyHeader(HttpRequest request) => ModelAgentResolver.FirstHeader(request, "x-openclaw-session-key");

    [GeneratedRegex(@"^(?:[A-Za-z0-9][A-Za-z0-9._-]*/)?[A-Za-z0-9][A-Za-z0-9._:@-]*(?:/[A-Za-z0-9._:@-]+)*$")]
    private static partial Regex ModelRef();
}
