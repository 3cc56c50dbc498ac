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

    /// <summary>
    /// Tools a run started by this caller may use: null (no narrowing) for an owner (shared secret, or
    /// <c>operator.admin</c> in <c>x-openclaw-scopes</c>); otherwise every registered tool except the owner-only ones
    /// (senderIsOwner false). The runner intersects this with the agent tool policy.
    /// </summary>
    public static IReadOnlyCollection<string>? ToolsForSender(HttpApiContext api, HttpAuthResult auth, HttpRequest request)
        => HttpScopes.IsOwner(auth, request) || api.Agents.Tools is not { } registry
            ? null
            : registry.All.Select(t => t.Name).Where(n => !SharpClaw.Agents.Tools.Policy.ToolPolicyPipeline.OwnerOnly.Contains(n)).ToHashSet(StringComparer.Ordinal);

    /// <summary>The caller's address as used in session keys (IPv4-mapped addresses unwrapped).</summary>
    public static string ClientIp(HttpContext http) => ClientAddress.Key(http.Connection.RemoteIpAddress);

    /// <summary><c>x-openclaw-session-key</c> if sent (used verbatim).</summary>
    public static string? SessionKeyHeader(HttpRequest request) => ModelAgentResolver.FirstHeader(request, "x-openclaw-session-key");

    [GeneratedRegex(@"^(?:[A-Za-z0-9][A-Za-z0-9._-]*/)?[A-Za-z0-9][A-Za-z0-9._:@-]*(?:/[A-Za-z0-9._:@-]+)*$")]
    private static partial Regex ModelRef();
}
