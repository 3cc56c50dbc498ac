namespace SharpClaw.Gateway.ControlUi;

/// <summary>
/// Safe lookup of a built asset inside the UI root: rejects traversal, absolute paths, hidden segments and
/// symlinks anywhere on the way; knows content types and which files are content-hashed (immutable).
/// </summary>
internal static class ControlUiFiles
{
    private static readonly Dictionary<string, string> ContentTypes = new(StringComparer.OrdinalIgnoreCase)
    {
        [".html"] = "text/html; charset=utf-8",
        [".js"] = "text/javascript; charset=utf-8",
        [".mjs"] = "text/javascript; charset=utf-8",
        [".css"] = "text/css; charset=utf-8",
        [".json"] = "application/json; charset=utf-8",
        [".map"] = "application/json; charset=utf-8",
        [".svg"] = "image/svg+xml",
        [".png"] = "image/png",
        [".jpg"] = "image/jpeg",
        [".jpeg"] = "image/jpeg",
        [".gif"] = "image/gif",
        [".webp"] = "image/webp",
        [".ico"] = "image/x-icon",
        [".txt"] = "text/plain; charset=utf-8",
        [".woff2"] = "font/woff2",
        [".webmanifest"] = "application/manifest+json",
    };

    public static string? ContentType(string path) => ContentTypes.GetValueOrDefault(Path.GetExtension(path));

    /// <summary>Paths with a static-file extension are never answered with the SPA fallback.</summary>
    public static bool HasStaticExtension(string path) => ContentTypes.ContainsKey(Path.GetExtension(path)) && !path.EndsWith(".html", StringComparison.OrdinalIgnoreCase);

    /// <summary>Vite writes hashed bundles under assets/ (name-HASH.ext): safe to cache forever.</summary>
    public static bool IsHashed(string relative)
        => relative.StartsWith("assets/", StringComparison.Ordinal) && Path.GetFileNameWithoutExtension(relative) is var stem && stem.LastIndexOf('-') is var dash and > 0 && stem.Length - dash - 1 >= 8;

    /// <summary>The full path of <paramref name="relative"/> under <paramref name="root"/>, or null when unsafe or missing.</summary>
    public static string? Find(string root, string relative)
    {
        if (relative.Length == 0 || relative.Length > 512 || relative.Contains('\\', StringComparison.Ordinal) || relative.Contains('\0', StringComparison.Ordinal) || Path.IsPathRooted(relative))
        {
            return null;
        }

        var current = root;
        foreach (var segment in relative.Split('/'))
        {
            if (segment.Length == 0 || segment.StartsWith('.'))
            {
                return null;
            }

            current = Path.Combine(current, segment);
            var info = new FileInfo(current);
            if (info.LinkTarget is not null)
            {
                return null;
            }
        }

        var full = Path.GetFullPath(current);
        var rootFull = Path.GetFullPath(root).TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar;
        return full.StartsWith(rootFull, StringComparison.Ordinal) && File.Exists(full) ? full : null;
    }
}
