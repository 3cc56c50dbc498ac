namespace SharpClaw.Agents.Tools.Files.Patch;

/// <summary>One file in a patch: add (with its lines), update (hunks, optional move) or delete.</summary>
public sealed record PatchFileChange(PatchChangeKind Kind, string Path, IReadOnlyList<PatchHunk> Hunks, IReadOnlyList<string> AddedLines, string? MoveTo = null);
