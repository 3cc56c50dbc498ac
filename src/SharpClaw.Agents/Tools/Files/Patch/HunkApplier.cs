namespace SharpClaw.Agents.Tools.Files.Patch;

/// <summary>
/// Applies hunks to a file's lines in order. Old lines are matched exactly, then ignoring trailing whitespace, then
/// ignoring surrounding whitespace; a context line or line hint picks the nearest match. Nothing is written here.
/// </summary>
public static class HunkApplier
{
    public static List<string> Apply(IReadOnlyList<string> original, IReadOnlyList<PatchHunk> hunks, string display)
    {
        var lines = original.ToList();
        var cursor = 0;
        var delta = 0;
        foreach (var hunk in hunks)
        {
            var from = cursor;
            if (hunk.Context is { } ctx)
            {
                var at = Find(lines, [ctx], cursor, null);
                if (at < 0)
                {
                    throw new ToolRefusedException($"Failed to find context '{ctx}' in {display}");
                }

                from = at + 1;
            }

            int index;
            if (hunk.OldLines.Count == 0)
            {
                index = hunk.EndOfFile ? lines.Count : hunk.LineHint is { } h ? Math.Clamp(h - 1 + delta + (hunk.LineHint == 0 ? 1 : 0), 0, lines.Count) : from;
            }
            else
            {
                index = hunk.EndOfFile ? FindAtEnd(lines, hunk.OldLines) : Find(lines, hunk.OldLines, from, hunk.LineHint is { } hint ? hint - 1 + delta : null);
                if (index < 0)
                {
                    var preview = string.Join("\n", hunk.OldLines.Take(5));
                    throw new ToolRefusedException($"Failed to find expected lines in {display}:\n{preview}\nRead the file again and regenerate the patch; nothing was changed.");
                }
            }

            lines.RemoveRange(index, hunk.OldLines.Count);
            lines.InsertRange(index, hunk.NewLines);
            cursor = index + hunk.NewLines.Count;
            delta += hunk.NewLines.Count - hunk.OldLines.Count;
        }

        return lines;
    }

    private static int FindAtEnd(List<string> lines, IReadOnlyList<string> needle)
    {
        var start = lines.Count - needle.Count;
        return start >= 0 && Matches(lines, needle, start, s => s) ? start : Find(lines, needle, 0, null);
    }

    private static int Find(List<string> lines, IReadOnlyList<string> needle, int from, int? near)
    {
        foreach (var normalize in new Func<string, string>[] { s => s, s => s.TrimEnd(), s => s.Trim() })
        {
            var best = -1;
            for (var i = from; i + needle.Count <= lines.Count; i++)
            {
                if (Matches(lines, needle, i, normalize))
                {
                    if (near is null)
                    {
                        return i;
                    }

                    if (best < 0 || Math.Abs(i - near.Value) < Math.Abs(best - near.Value))
                    {
                        best = i;
                    }
                }
            }

            if (best >= 0)
            {
                return best;
            }
        }

        return -1;
    }

    private static bool Matches(List<string> lines, IReadOnlyList<string> needle, int at, Func<string, string> normalize)
    {
        for (var j = 0; j < needle.Count; j++)
        {
            if (normalize(lines[at + j]) != normalize(needle[j]))
            {
                return false;
            }
        }

        return true;
    }
}
