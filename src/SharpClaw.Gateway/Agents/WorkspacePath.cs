namespace SharpClaw.Gateway.Agents;

/// <summary>
/// Confines a user-supplied relative path to a workspace: no absolute paths, no <c>..</c> escapes, no
/// symlinks pointing outside, no device files. Returns null with a reason when refused.
/// </summary>
public static class WorkspacePath
{
    public static string? Resolve(string workspace, string relative, out string? error)
    {
        error = null;
        if (string.IsNullOrWhiteSpace(relative) || relative.Contains('\0', StringComparison.Ordinal))
        {
            error = "path is empty or contains a NUL byte";
            return null;
        }

        if (Path.IsPathRooted(relative) || relative.StartsWith('~'))
        {
            error = $"path must be relative to the workspace (got \"{relative}\")";
            return null;
        }

        var root = Path.GetFullPath(workspace);
        var full = Path.GetFullPath(Path.Combine(root, relative));
        var rel = Path.GetRelativePath(root, full);
        if (rel == ".." || rel.StartsWith("../", StringComparison.Ordinal) || Path.IsPathRooted(rel))
        {
            error = $"path escapes the workspace (got \"{relative}\")";
            return null;
        }

        // Walk every existing component: a symlink anywhere must resolve inside the workspace.
        var current = root;
        foreach (var part in rel.Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            current = Path.Combine(current, part);
            var info = new FileInfo(current);
            if (info.LinkTarget is not null)
            {
                var target = info.ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? string.Empty;
                var targetRel = Path.GetRelativePath(root, target);
                if (targetRel == ".." || targetRel.StartsWith("../", StringComparison.Ordinal) || Path.IsPathRooted(targetRel))
                {
                    error = $"path goes through a symlink that points outside the workspace (\"{relative}\")";
                    return null;
                }
            }
        }

        if (File.Exists(full) && IsDevice(full))
        {
            error = "device files are not allowed";
            return null;
        }

        return full;
    }

    private static bool IsDevice(string path)
    {
        var attributes = File.GetAttributes(path);
        return attributes.HasFlag(FileAttributes.Device);
    }
}
