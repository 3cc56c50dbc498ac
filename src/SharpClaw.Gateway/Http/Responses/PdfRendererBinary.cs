namespace SharpClaw.Gateway.Http.Responses;

/// <summary>
/// Finds poppler's <c>pdftoppm</c>: the configured <c>files.pdf.renderer</c> path when one is set (and nothing else),
/// otherwise the first executable <c>pdftoppm</c> on <c>PATH</c>. Null when there is none.
/// </summary>
internal static class PdfRendererBinary
{
    public const string Name = "pdftoppm";

    public static string? Resolve(string? configured, string? searchPath)
    {
        if (configured is not null)
        {
            var full = Path.GetFullPath(configured);
            return IsExecutable(full) ? full : null;
        }

        foreach (var dir in (searchPath ?? string.Empty).Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = Path.Combine(dir, Name);
            if (Path.IsPathFullyQualified(candidate) && IsExecutable(candidate))
            {
                return candidate;
            }
        }

        return null;
    }

    private static bool IsExecutable(string path)
    {
        if (!File.Exists(path))
        {
            return false;
        }

        const UnixFileMode anyExecute = UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute;
        return OperatingSystem.IsWindows() || (File.GetUnixFileMode(path) & anyExecute) != 0;
    }
}
