namespace SharpClaw.Agents.Tools.Files.Patch;

/// <summary>
/// Parses OpenClaw's patch envelope: <c>*** Begin Patch</c>, then <c>*** Add File:</c> (+lines), <c>*** Delete File:</c>,
/// <c>*** Update File:</c> (optional <c>*** Move to:</c>, chunks starting <c>@@ [context]</c>, lines prefixed
/// space/-/+, optional <c>*** End of File</c>), then <c>*** End Patch</c>. A heredoc wrapper is stripped.
/// </summary>
public static class OpenClawPatchParser
{
    public const string Begin = "*** Begin Patch";

    public static IReadOnlyList<PatchFileChange> Parse(string input)
    {
        var lines = input.Replace("\r\n", "\n", StringComparison.Ordinal).Trim().Split('\n').ToList();
        if (lines.Count > 1 && lines[0].StartsWith("<<", StringComparison.Ordinal))
        {
            lines = lines[1..^1];
        }

        if (lines.Count == 0 || lines[0].Trim() != Begin)
        {
            throw new ToolRefusedException("The first line of the patch must be '*** Begin Patch'");
        }

        if (lines[^1].Trim() != "*** End Patch")
        {
            throw new ToolRefusedException("The last line of the patch must be '*** End Patch'");
        }

        var changes = new List<PatchFileChange>();
        var i = 1;
        while (i < lines.Count - 1)
        {
            var line = lines[i];
            if (line.StartsWith("*** Add File: ", StringComparison.Ordinal))
            {
                var added = new List<string>();
                for (i++; i < lines.Count - 1 && !lines[i].StartsWith("*** ", StringComparison.Ordinal); i++)
                {
                    added.Add(lines[i].StartsWith('+') ? lines[i][1..] : throw new ToolRefusedException($"Invalid patch line {i + 1}: lines of an added file must start with '+' (got '{lines[i]}')"));
                }

                changes.Add(new PatchFileChange(PatchChangeKind.Add, line["*** Add File: ".Length..].Trim(), [], added));
            }
            else if (line.StartsWith("*** Delete File: ", StringComparison.Ordinal))
            {
                changes.Add(new PatchFileChange(PatchChangeKind.Delete, line["*** Delete File: ".Length..].Trim(), [], []));
                i++;
            }
            else if (line.StartsWith("*** Update File: ", StringComparison.Ordinal))
            {
                var path = line["*** Update File: ".Length..].Trim();
                i++;
                string? moveTo = null;
                if (i < lines.Count - 1 && lines[i].StartsWith("*** Move to: ", StringComparison.Ordinal))
                {
                    moveTo = lines[i]["*** Move to: ".Length..].Trim();
                    i++;
                }

                var hunks = ParseChunks(lines, ref i, path);
                changes.Add(new PatchFileChange(PatchChangeKind.Update, path, hunks, [], moveTo));
            }
            else if (line.Trim().Length == 0)
            {
                i++;
            }
            else
            {
                throw new ToolRefusedException($"Invalid patch hunk at line {i + 1}: '{line}' is not a valid hunk header. Valid hunk headers: '*** Add File: {{path}}', '*** Delete File: {{path}}', '*** Update File: {{path}}'");
            }
        }

        return changes.Count == 0 ? throw new ToolRefusedException("No files were modified.") : changes;
    }

    private static List<PatchHunk> ParseChunks(List<string> lines, ref int i, string path)
    {
        var hunks = new List<PatchHunk>();
        while (i < lines.Count - 1 && !(lines[i].StartsWith("*** ", StringComparison.Ordinal) && lines[i] != "*** End of File"))
        {
            string? context = null;
            if (lines[i].StartsWith("@@", StringComparison.Ordinal))
            {
                context = lines[i][2..].Trim();
                context = context.Length == 0 ? null : context;
                i++;
            }
            else if (hunks.Count > 0)
            {
                throw new ToolRefusedException($"Invalid patch line {i + 1}: Expected update hunk to start with a @@ context marker, got: '{lines[i]}'");
            }

            var oldLines = new List<string>();
            var newLines = new List<string>();
            var eof = false;
            for (; i < lines.Count - 1; i++)
            {
                var l = lines[i];
                if (l == "*** End of File")
                {
                    eof = true;
                    i++;
                    break;
                }

                if (l.StartsWith("@@", StringComparison.Ordinal) || l.StartsWith("*** ", StringComparison.Ordinal))
                {
                    break;
                }

                HunkLine.Add(l, i + 1, oldLines, newLines);
            }

            hunks.Add(new PatchHunk(oldLines, newLines, context, EndOfFile: eof));
        }

        return hunks.Count == 0 ? throw new ToolRefusedException($"Update file hunk for path '{path}' is empty") : hunks;
    }
}
