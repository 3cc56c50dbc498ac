namespace SharpClaw.Agents.Tools.Files.Patch;

/// <summary>Sorts one hunk body line (<c>' '</c> context, <c>'-'</c> removed, <c>'+'</c> added) into old/new lines.</summary>
internal static class HunkLine
{
    public static void Add(string line, int lineNumber, List<string> oldLines, List<string> newLines)
    {
        switch (line.Length == 0 ? ' ' : line[0])
        {
            case ' ':
                oldLines.Add(line.Length == 0 ? line : line[1..]);
                newLines.Add(line.Length == 0 ? line : line[1..]);
                break;
            case '-':
                oldLines.Add(line[1..]);
                break;
            case '+':
                newLines.Add(line[1..]);
                break;
            default:
                throw new ToolRefusedException($"Invalid patch line {lineNumber}: hunk lines must start with ' ', '-' or '+' (got '{line}')");
        }
    }
}
