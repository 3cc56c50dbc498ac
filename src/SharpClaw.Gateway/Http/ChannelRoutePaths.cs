namespace SharpClaw.Gateway.Http;

/// <summary>
/// Canonical form of request paths for the gateway-auth-protected <c>/api/channels</c> prefix: lower-cased,
/// %-decoded repeatedly (32 passes at most), <c>//</c> collapsed, dot-segments resolved, no trailing slash.
/// </summary>
internal static class ChannelRoutePaths
{
    public const string Prefix = "/api/channels";
    private const int MaxDecodePasses = 32;

    /// <summary>The canonical path, or null when the %-encoding is malformed or never settles.</summary>
    public static string? Canonicalize(string rawPath)
    {
        var path = rawPath;
        var q = path.IndexOf('?', StringComparison.Ordinal);
        if (q >= 0)
        {
            path = path[..q];
        }

        for (var pass = 0; ; pass++)
        {
            if (!path.Contains('%', StringComparison.Ordinal))
            {
                break;
            }

            if (pass == MaxDecodePasses || !IsWellFormed(path))
            {
                return null;
            }

            path = Uri.UnescapeDataString(path);
        }

        var segments = new List<string>();
        foreach (var segment in path.ToLowerInvariant().Split('/'))
        {
            if (segment.Length == 0 || segment == ".")
            {
                continue;
            }

            if (segment == "..")
            {
                if (segments.Count > 0)
                {
                    segments.RemoveAt(segments.Count - 1);
                }

                continue;
            }

            segments.Add(segment);
        }

        return "/" + string.Join('/', segments);
    }

    /// <summary>True when the canonical path is the protected prefix or below it (or cannot be canonicalised).</summary>
    public static bool IsProtected(string? canonical) => canonical is null || canonical == Prefix || canonical.StartsWith(Prefix + "/", StringComparison.Ordinal);

    /// <summary>True when the raw path is already plain: no %-escapes, no empty or dot segments, no trailing slash.</summary>
    public static bool IsPlain(string rawPath)
    {
        var path = rawPath.Split('?')[0];
        if (path.Contains('%', StringComparison.Ordinal) || path.Contains("//", StringComparison.Ordinal) || path.Contains('\\', StringComparison.Ordinal) || (path.Length > 1 && path.EndsWith('/')))
        {
            return false;
        }

        return !path.Split('/').Any(s => s is "." or "..");
    }

    private static bool IsWellFormed(string path)
    {
        for (var i = 0; i < path.Length; i++)
        {
            if (path[i] == '%' && (i + 2 >= path.Length || !Uri.IsHexDigit(path[i + 1]) || !Uri.IsHexDigit(path[i + 2])))
            {
                return false;
            }
        }

        return true;
    }
}
