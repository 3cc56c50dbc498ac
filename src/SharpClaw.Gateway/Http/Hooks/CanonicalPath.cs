namespace SharpClaw.Gateway.Http.Hooks;

/// <summary>
/// A path with every symbolic link in its existing part resolved (like <c>realpath</c>); the part that does not
/// exist yet is kept as written. Used to see whether a path really stays inside a directory.
/// </summary>
internal static class CanonicalPath
{
    private const int MaxLinks = 40;

    public static string Resolve(string path)
    {
        var links = 0;
        return Resolve(Path.GetFullPath(path), ref links);
    }

    /// <summary>True when <paramref name="candidate"/> is <paramref name="directory"/> itself or below it (both full paths).</summary>
    public static bool IsInside(string directory, string candidate)
    {
        var relative = Path.GetRelativePath(directory, candidate);
        return relative == "." || !(relative == ".." || relative.StartsWith(".." + Path.DirectorySeparatorChar, StringComparison.Ordinal) || Path.IsPathRooted(relative));
    }

    private static string Resolve(string full, ref int links)
    {
        var root = Path.GetPathRoot(full) ?? string.Empty;
        var current = root;
        foreach (var segment in full[root.Length..].Split([Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar], StringSplitOptions.RemoveEmptyEntries))
        {
            var next = Path.Combine(current, segment);
            FileSystemInfo info = Directory.Exists(next) ? new DirectoryInfo(next) : new FileInfo(next);
            if (info.LinkTarget is { } target)
            {
                if (++links > MaxLinks)
                {
                    throw new IOException($"too many levels of symbolic links in {full}");
                }

                next = Resolve(Path.GetFullPath(target, current), ref links);
            }

            current = next;
        }

        return current;
    }
}
