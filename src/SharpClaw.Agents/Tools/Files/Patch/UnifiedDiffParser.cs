using System.Text.RegularExpressions;

namespace SharpClaw.Agents.Tools.Files.Patch;

/// <summary>
/// Parses a unified diff (<c>--- a/x</c>, <c>+++ b/x</c>, <c>@@ -l,c +l,c @@</c> hunks; <c>/dev/null</c> for added or
/// deleted files). A diff with bare hunks and no headers applies to the given default path.
/// </summary>
public static partial class UnifiedDiffParser
{
    public static IReadOnlyList<PatchFileChange> Parse(string input, string? defaultPath)
    {
        var lines = input.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        var changes = new List<PatchFileChange>();
        string? oldPath = null;
        string? newPath = null;
        var hunks = new List<PatchHunk>();
        var i = 0;

        void Flush()
        {
            if (hunks.Count == 0 && oldPath is null && newPath is null)
            {
                return;
            }

            var target = newPath ?? oldPath ?? defaultPath ?? throw new ToolRefusedException("the diff has no ---/+++ file headers; pass path to say which file it changes");
            if (newPath is null && oldPath is not null)
            {
                changes.Add(new PatchFileChange(PatchChangeKind.Delete, oldPath, [], []));
            }
            else if (oldPath is null && newPath is not null && hunks.All(h => h.OldLines.Count == 0))
            {
                changes.Add(new PatchFileChange(PatchChangeKind.Add, newPath, [], [.. hunks.SelectMany(h => h.NewLines)]));
            }
            else
            {
                changes.Add(new PatchFileChange(PatchChangeKind.Update, oldPath ?? target, [.. hunks], [], oldPath is not null && newPath is not null && oldPath != newPath ? newPath : null));
            }

            oldPath = newPath = null;
            hunks = [];
        }

        var sawHeaders = false;
        while (i < lines.Length)
        {
            var line = lines[i];
            if (line.StartsWith("--- ", StringComparison.Ordinal) && i + 1 < lines.Length && lines[i + 1].StartsWith("+++ ", StringComparison.Ordinal))
            {
                Flush();
                sawHeaders = true;
                oldPath = HeaderPath(line[4..]);
                newPath = HeaderPath(lines[i + 1][4..]);
                i += 2;
                continue;
            }

            var header = HunkHeader().Match(line);
            if (header.Success)
            {
                if (!sawHeaders && oldPath is null && newPath is null)
                {
                    oldPath = newPath = defaultPath ?? throw new ToolRefusedException("the diff has no ---/+++ file headers; pass path to say which file it changes");
                }

                i++;
                var oldLines = new List<string>();
                var newLines = new List<string>();
                for (; i < lines.Length; i++)
                {
                    var l = lines[i];
                    if (l.StartsWith("@@", StringComparison.Ordinal) || (l.StartsWith("--- ", StringComparison.Ordinal) && i + 1 < lines.Length && lines[i + 1].StartsWith("+++ ", StringComparison.Ordinal)) || l.StartsWith("diff ", StringComparison.Ordinal))
                    {
                        break;
                    }

                    if (l.StartsWith('\\'))
                    {
                        continue;
                    }

                    if (l.Length == 0 && i == lines.Length - 1)
                    {
                        break;
                    }

                    HunkLine.Add(l, i + 1, oldLines, newLines);
                }

                hunks.Add(new PatchHunk(oldLines, newLines, LineHint: int.Parse(header.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)));
                continue;
            }

            i++;
        }

        Flush();
        return changes.Count == 0 ? throw new ToolRefusedException("No files were modified: the patch contains no @@ hunks or file headers.") : changes;
    }

    private static string? HeaderPath(string raw)
    {
        var p = raw.Split('\t')[0].Trim();
        if (p == "/dev/null")
        {
            return null;
        }

        return p.StartsWith("a/", StringComparison.Ordinal) || p.StartsWith("b/", StringComparison.Ordinal) ? p[2..] : p;
    }

    [GeneratedRegex(@"^@@ -(\d+)(?:,\d+)? \+\d+(?:,\d+)? @@")]
    private static partial Regex HunkHeader();
}
