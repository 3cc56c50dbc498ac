using System.Text;
using System.Text.RegularExpressions;

namespace SharpClaw.Agents.Tools.Exec;

/// <summary>
/// Resolves an argv's executable and matches it against allowlist patterns and safe-binary profiles. Path patterns
/// are POSIX, case-sensitive globs where <c>*</c> and <c>?</c> stay within one path segment and <c>**</c> spans segments.
/// </summary>
public static class ExecAllowlistMatcher
{
    /// <summary>Absolute path of the executable: argv[0] with a slash relative to cwd, else the first PATH hit.</summary>
    public static string? ResolveExecutable(string argv0, string cwd, string path)
    {
        if (argv0.Contains('/', StringComparison.Ordinal))
        {
            var full = Path.GetFullPath(Path.Combine(cwd, argv0));
            return File.Exists(full) ? full : null;
        }

        foreach (var dir in path.Split(':', StringSplitOptions.RemoveEmptyEntries))
        {
            if (!Path.IsPathRooted(dir))
            {
                continue;
            }

            var candidate = Path.Combine(dir, argv0);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }

    /// <summary>Null when the argv is satisfied (allowlist or safe bin), else the reason it is not.</summary>
    public static string? Check(IReadOnlyList<string> argv, string? resolved, IEnumerable<ExecAllowlistEntry> allowlist, ExecPolicy policy)
    {
        if (resolved is null)
        {
            return $"{argv[0]}: command not found on PATH";
        }

        if (allowlist.Any(e => Matches(e.Pattern, argv[0], resolved)))
        {
            return null;
        }

        var name = Path.GetFileName(resolved);
        if (policy.SafeBins.Contains(name) && SafeBinProfile.Defaults.TryGetValue(name, out var profile))
        {
            var dir = Path.GetDirectoryName(resolved);
            if (!policy.SafeBinTrustedDirs.Contains(dir))
            {
                return $"{name} resolves to {resolved}, outside the trusted safe-bin directories ({string.Join(", ", policy.SafeBinTrustedDirs)})";
            }

            return profile.Check(name, [.. argv.Skip(1)]);
        }

        return $"{argv[0]} ({resolved}) is not on the exec allowlist";
    }

    public static bool Matches(string pattern, string argv0, string resolved)
    {
        if (!pattern.Contains('/', StringComparison.Ordinal))
        {
            return !argv0.Contains('/', StringComparison.Ordinal) && pattern == argv0;
        }

        var regex = new StringBuilder("^");
        for (var i = 0; i < pattern.Length; i++)
        {
            var c = pattern[i];
            if (c == '*' && i + 1 < pattern.Length && pattern[i + 1] == '*')
            {
                regex.Append(".*");
                i++;
            }
            else if (c == '*')
            {
                regex.Append("[^/]*");
            }
            else if (c == '?')
            {
                regex.Append("[^/]");
            }
            else
            {
                regex.Append(Regex.Escape(c.ToString()));
            }
        }

        return Regex.IsMatch(resolved, regex.Append('$').ToString(), RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(100));
    }
}
