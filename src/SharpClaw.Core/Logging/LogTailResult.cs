namespace SharpClaw.Core.Logging;

/// <summary>The <c>logs.tail</c> result: <c>{file, cursor, size, lines, truncated?, reset?}</c>.</summary>
public sealed record LogTailResult(string File, long Cursor, long Size, IReadOnlyList<string> Lines, bool Truncated, bool Reset);
