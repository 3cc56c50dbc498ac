using Microsoft.AspNetCore.Http;

namespace SharpClaw.Gateway.Http;

/// <summary>
/// Operator scopes of an HTTP caller: a shared secret (token/password) holds every scope; with auth mode
/// <c>none</c> an <c>x-openclaw-scopes</c> header (comma-separated) narrows them, an empty header means none.
/// </summary>
internal static class HttpScopes
{
    public static readonly IReadOnlyList<string> All = ["operator.admin", "operator.read", "operator.write", "operator.approvals", "operator.pairing", "operator.talk.secrets"];

    public static IReadOnlyList<string> Granted(HttpAuthResult auth, HttpRequest request)
    {
        if (auth.Method is "token" or "password" || !request.Headers.TryGetValue("x-openclaw-scopes", out var header))
        {
            return All;
        }

        return [.. header.ToString().Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)];
    }

    public static bool Satisfies(IReadOnlyList<string> granted, string required)
        => granted.Contains("operator.admin") || granted.Contains(required) || (required == "operator.read" && granted.Contains("operator.write"));

    /// <summary>Owner semantics: shared-secret callers, or identity-bearing callers holding operator.admin.</summary>
    public static bool IsOwner(HttpAuthResult auth, HttpRequest request) => Granted(auth, request).Contains("operator.admin");
}
