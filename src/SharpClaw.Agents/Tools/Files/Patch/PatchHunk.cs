namespace SharpClaw.Agents.Tools.Files.Patch;

/// <summary>Lines to find and what replaces them; <see cref="Context"/> (an <c>@@ ctx</c> line) or <see cref="LineHint"/> narrow the search.</summary>
public sealed record PatchHunk(IReadOnlyList<string> OldLines, IReadOnlyList<string> NewLines, string? Context = null, int? LineHint = null, bool EndOfFile = false);
