using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;

namespace SharpClaw.Gateway.ControlUi;

/// <summary>Security headers on every Control UI response (security-reliability §1.12).</summary>
internal static partial class ControlUiHeaders
{
    private const string CspHead = "default-src 'self'; base-uri 'none'; object-src 'none'; frame-ancestors 'none'; script-src 'self'";

    private const string CspTail = "; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob: https:; font-src 'self'; connect-src 'self' ws: wss:; form-action 'none'";

    public static void Apply(HttpResponse response, IReadOnlyList<string>? inlineScriptHashes = null)
    {
        var extra = inlineScriptHashes is { Count: > 0 } ? " " + string.Join(' ', inlineScriptHashes.Select(h => $"'sha256-{h}'")) : string.Empty;
        var headers = response.Headers;
        headers.ContentSecurityPolicy = CspHead + extra + CspTail;
        headers.XFrameOptions = "DENY";
        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = "no-referrer";
        headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=()";
        headers["Cross-Origin-Opener-Policy"] = "same-origin";
    }

    /// <summary>Base64 SHA-256 of every inline (no src) non-empty script body in an HTML document.</summary>
    public static IReadOnlyList<string> InlineScriptHashes(string html)
    {
        var hashes = new List<string>();
        foreach (Match m in InlineScript().Matches(html))
        {
            var body = m.Groups["body"].Value;
            if (body.Trim().Length > 0)
            {
                hashes.Add(Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(body))));
            }
        }

        return hashes;
    }

    [GeneratedRegex(@"<script(?![^>]*\bsrc\s*=)[^>]*>(?<body>[\s\S]*?)</script>", RegexOptions.IgnoreCase)]
    private static partial Regex InlineScript();
}
