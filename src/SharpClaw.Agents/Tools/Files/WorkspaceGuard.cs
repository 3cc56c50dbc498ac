namespace SharpClaw.Agents.Tools.Files;

/// <summary>
/// Resolves a tool-supplied path against the agent workspace and, when confined, refuses anything that would
/// reach outside it: <c>..</c> escapes, absolute paths elsewhere, <c>~</c>, symlinks (anywhere in the path) whose
/// target is outside, hard-linked files, devices/FIFOs/sockets, NUL and control characters. Containment is
/// checked lexically and again on the canonical (symlink-resolved) path of the deepest existing ancestor.
/// </summary>
public sealed class WorkspaceGuard(string workspace, bool confined)
{
    private readonly string _root = Path.TrimEndingDirectorySeparator(Path.GetFullPath(workspace));

    public string Root => _root;

    public bool Confined => confined;

    /// <summary>The absolute path to use, or throws <see cref="PathRefusedException"/>.</summary>
    public string Resolve(string? input, PathAccess access)
    {
        if (string.IsNullOrWhiteSpace(input))
        {
            throw new PathRefusedException("path is required (a path relative to the workspace)");
        }

        if (input.Length > 4096 || input.Any(c => char.IsControl(c)))
        {
            throw new PathRefusedException("path contains control characters or is longer than 4096 characters");
        }

        var trimmed = input.Trim();
        if (!confined)
        {
            var expanded = trimmed.StartsWith("~/", StringComparison.Ordinal) ? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), trimmed[2..]) : trimmed;
            var anywhere = Path.GetFullPath(Path.Combine(_root, expanded));
            RefuseSpecialFile(anywhere, input, access);
            return anywhere;
        }

        if (trimmed.StartsWith('~'))
        {
            throw new PathRefusedException($"Path escapes workspace root: {input} (home-relative paths are not allowed; use a path relative to the workspace)");
        }

        var full = Path.GetFullPath(Path.Combine(_root, trimmed));
        if (!IsInside(_root, full))
        {
            throw new PathRefusedException($"Path escapes workspace root: {input} (only files inside {_root} are allowed)");
        }

        var canonicalRoot = Canonical(_root);
        var current = _root;
        var parts = Path.GetRelativePath(_root, full).Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries);
        for (var i = 0; i < parts.Length; i++)
        {
            if (parts[i] == ".")
            {
                continue;
            }

            current = Path.Combine(current, parts[i]);
            var info = new FileInfo(current);
            if (info.LinkTarget is null)
            {
                continue;
            }

            var isLeaf = i == parts.Length - 1;
            if (isLeaf && access == PathAccess.Unlink)
            {
                break;
            }

            var target = info.ResolveLinkTarget(returnFinalTarget: true)?.FullName;
            if (target is null || !IsInside(canonicalRoot, Canonical(target)))
            {
                throw new PathRefusedException($"Symlink escapes workspace root: {input} ({current} points outside the workspace)");
            }
        }

        var canonical = Canonical(full);
        if (!IsInside(canonicalRoot, canonical) && !(access == PathAccess.Unlink && IsInside(canonicalRoot, Canonical(Path.GetDirectoryName(full)!))))
        {
            throw new PathRefusedException($"Path resolves outside workspace root: {input}");
        }

        RefuseSpecialFile(full, input, access);
        return full;
    }

    /// <summary>The path as shown to the model: relative to the workspace when inside it.</summary>
    public string Display(string fullPath)
    {
        var rel = Path.GetRelativePath(_root, fullPath);
        return IsInside(_root, fullPath) ? rel.Replace(Path.DirectorySeparatorChar, '/') : fullPath;
    }

    private void RefuseSpecialFile(string full, string input, PathAccess access)
    {
        if (access == PathAccess.Unlink || (!File.Exists(full) && !Directory.Exists(full)))
        {
            return;
        }

        // Judge what the path finally points at (a symlink to a FIFO inside the workspace would otherwise hang a read).
        var target = new FileInfo(full).LinkTarget is null ? full : new FileInfo(full).ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? full;
        var stat = UnixFileStat.Lstat(target);
        if (stat is { IsRegular: false, IsDirectory: false })
        {
            throw new PathRefusedException($"Not a regular file: {input} (devices, FIFOs and sockets are not allowed)");
        }

        if (confined && stat is { IsRegular: true, LinkCount: > 1 })
        {
            throw new PathRefusedException($"Hardlinked path is not allowed under workspace root: {input}");
        }

        if (IsKernelPath(full) || IsKernelPath(target))
        {
            throw new PathRefusedException($"Not a regular file: {input} (device and kernel files are not allowed)");
        }
    }

    private static bool IsKernelPath(string path)
        => path.StartsWith("/dev/", StringComparison.Ordinal) || path.StartsWith("/proc/", StringComparison.Ordinal) || path.StartsWith("/sys/", StringComparison.Ordinal);

    /// <summary>Real path of the deepest existing ancestor, with the missing tail appended.</summary>
    internal static string Canonical(string path)
    {
        var full = Path.GetFullPath(path);
        var tail = new Stack<string>();
        var current = full;
        while (!File.Exists(current) && !Directory.Exists(current))
        {
            var parent = Path.GetDirectoryName(current);
            if (parent is null)
            {
                return full;
            }

            tail.Push(Path.GetFileName(current));
            current = parent;
        }

        var resolved = RealPath(current);
        while (tail.Count > 0)
        {
            resolved = Path.Combine(resolved, tail.Pop());
        }

        return resolved;
    }

    private static string RealPath(string path)
    {
        var root = Path.GetPathRoot(path) ?? "/";
        var result = root;
        foreach (var part in path[root.Length..].Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries))
        {
            var next = Path.Combine(result, part);
            var info = new FileInfo(next);
            if (info.LinkTarget is not null && info.ResolveLinkTarget(returnFinalTarget: true) is { } target)
            {
                next = RealPath(target.FullName);
            }

            result = next;
        }

        return Path.TrimEndingDirectorySeparator(result);
    }

    internal static bool IsInside(string root, string path)
    {
        var rel = Path.GetRelativePath(root, path);
        return rel != ".." && !rel.StartsWith(".." + Path.DirectorySeparatorChar, StringComparison.Ordinal) && !Path.IsPathRooted(rel);
    }
}
