using System.Text.Json.Nodes;
using SharpClaw.Agents.Tools.Files.Patch;

namespace SharpClaw.Agents.Tools.Files;

/// <summary>
/// <c>apply_patch</c>: a unified diff (seed form: <c>path</c> + <c>patch</c>) or OpenClaw's <c>*** Begin Patch</c> form
/// (<c>input</c>). All-or-nothing: every file is planned in memory first; if any write fails the originals are
/// restored. Always confined to the workspace unless both fs and applyPatch confinement are switched off.
/// </summary>
public sealed class ApplyPatchTool(Func<JsonObject?> config) : RefusingTool
{
    public const int MaxPatchChars = 2 * 1024 * 1024;

    public override string Name => "apply_patch";

    public override string Description => "Apply a patch to workspace files, all-or-nothing. Accepts a unified diff (with ---/+++ headers, or bare @@ hunks plus path) or the '*** Begin Patch' … '*** End Patch' format with Add/Update/Delete File sections.";

    public override JsonObject ParametersSchema => Schema([],
        ("input", "string", "the whole patch ('*** Begin Patch' form or a unified diff)"),
        ("patch", "string", "alias of input (seed form)"),
        ("path", "string", "file the diff applies to when it has no ---/+++ headers"));

    protected override async Task<ToolResult> RunAsync(JsonObject args, ToolContext context, CancellationToken ct)
    {
        var patch = ToolArgs.String(args, "input", "patch") ?? throw new ToolArgumentException("Provide a patch input.");
        if (patch.Trim().Length == 0)
        {
            throw new ToolArgumentException("Invalid patch: input is empty.");
        }

        if (patch.Length > MaxPatchChars)
        {
            throw new ToolArgumentException($"patch is {patch.Length} characters; apply_patch accepts at most {MaxPatchChars}");
        }

        var changes = patch.TrimStart().StartsWith(OpenClawPatchParser.Begin, StringComparison.Ordinal) || patch.TrimStart().StartsWith("<<", StringComparison.Ordinal)
            ? OpenClawPatchParser.Parse(patch)
            : UnifiedDiffParser.Parse(patch, ToolArgs.String(args, "path"));
        var guard = FileToolSettings.Guard(config(), context, applyPatch: true);
        var planned = new Dictionary<string, string?>(StringComparer.Ordinal);
        var summary = new List<string>();
        foreach (var change in changes)
        {
            await PlanAsync(change, guard, planned, summary, ct);
        }

        await CommitAsync(guard, planned, ct);
        return Ok("Success. Updated the following files:\n" + string.Join("\n", summary), new JsonObject { ["ok"] = true, ["files"] = Protocol.Frames.JsonNodes.StringArray(summary) });
    }

    private static async Task PlanAsync(PatchFileChange change, WorkspaceGuard guard, Dictionary<string, string?> planned, List<string> summary, CancellationToken ct)
    {
        var path = guard.Resolve(change.Path, change.Kind == PatchChangeKind.Delete ? PathAccess.Unlink : PathAccess.Write);
        var display = guard.Display(path);
        switch (change.Kind)
        {
            case PatchChangeKind.Add:
                if (await CurrentAsync(guard, path, display, planned, ct) is not null)
                {
                    throw new ToolRefusedException($"Cannot add {display}: it already exists (delete it earlier in the same patch to replace it). Nothing was changed.");
                }

                planned[path] = string.Join("\n", change.AddedLines) + "\n";
                summary.Add("A " + display);
                break;
            case PatchChangeKind.Delete:
                if (await CurrentAsync(guard, path, display, planned, ct, unlink: true) is null)
                {
                    throw new ToolRefusedException($"Cannot delete {display}: file not found. Nothing was changed.");
                }

                planned[path] = null;
                summary.Add("D " + display);
                break;
            default:
                var text = await CurrentAsync(guard, path, display, planned, ct) ?? throw new ToolRefusedException($"Failed to read file to update {display}: file not found. Nothing was changed.");
                var endsWithNewline = text.EndsWith('\n');
                var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n').ToList();
                if (endsWithNewline)
                {
                    lines.RemoveAt(lines.Count - 1);
                }

                var updated = string.Join("\n", HunkApplier.Apply(lines, change.Hunks, display)) + (endsWithNewline ? "\n" : string.Empty);
                if (change.MoveTo is { } moveTo)
                {
                    var dest = guard.Resolve(moveTo, PathAccess.Write);
                    if (dest != path && await CurrentAsync(guard, dest, guard.Display(dest), planned, ct) is not null)
                    {
                        throw new ToolRefusedException($"Cannot move {display} to {guard.Display(dest)}: the destination exists. Nothing was changed.");
                    }

                    planned[path] = null;
                    planned[dest] = updated;
                    summary.Add($"M {guard.Display(dest)}");
                }
                else
                {
                    planned[path] = updated;
                    summary.Add("M " + display);
                }

                break;
        }
    }

    private static async Task<string?> CurrentAsync(WorkspaceGuard guard, string path, string display, Dictionary<string, string?> planned, CancellationToken ct, bool unlink = false)
    {
        if (planned.TryGetValue(path, out var pending))
        {
            return pending;
        }

        if (unlink)
        {
            return File.Exists(path) || new FileInfo(path).LinkTarget is not null ? string.Empty : null;
        }

        return File.Exists(path) ? await WorkspaceFile.ReadTextAsync(guard, path, display, ct) : null;
    }

    private static async Task CommitAsync(WorkspaceGuard guard, Dictionary<string, string?> planned, CancellationToken ct)
    {
        // A backup of null means "did not exist"; an entry that exists but cannot be read back (a symlink being
        // deleted) is left out and not restored.
        var backups = new Dictionary<string, byte[]?>(StringComparer.Ordinal);
        foreach (var path in planned.Keys)
        {
            if (!File.Exists(path) && new FileInfo(path).LinkTarget is null)
            {
                backups[path] = null;
                continue;
            }

            try
            {
                backups[path] = await WorkspaceFile.ReadBytesAsync(guard, path, ct);
            }
            catch (PathRefusedException) when (planned[path] is null)
            {
            }
        }

        try
        {
            foreach (var (path, content) in planned)
            {
                if (content is null)
                {
                    WorkspaceFile.Delete(guard, path);
                }
                else
                {
                    await WorkspaceFile.WriteTextAsync(guard, path, content, CancellationToken.None);
                }
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or PathRefusedException)
        {
            foreach (var (path, bytes) in backups)
            {
                if (bytes is null)
                {
                    WorkspaceFile.Delete(guard, path);
                }
                else
                {
                    await WorkspaceFile.WriteBytesAsync(guard, path, bytes, CancellationToken.None);
                }
            }

            throw new ToolRefusedException($"apply_patch failed while writing ({ex.Message}); all files were restored, nothing was changed.");
        }
    }
}
