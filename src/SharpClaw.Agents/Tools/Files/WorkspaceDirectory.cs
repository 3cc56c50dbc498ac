using Microsoft.Win32.SafeHandles;

namespace SharpClaw.Agents.Tools.Files;

/// <summary>
/// The directory holding one file a tool works on. When the guard is confined on Linux it is an open descriptor
/// reached from the canonical workspace root one component at a time with <c>openat(O_NOFOLLOW|O_DIRECTORY)</c>,
/// and every entry in it is opened/renamed/unlinked relative to that descriptor with <c>O_NOFOLLOW</c> — so a
/// directory swapped for a symlink after <see cref="WorkspaceGuard.Resolve"/> checked it cannot lead outside the
/// workspace. Elsewhere (not confined, other platforms) it is a plain path.
/// </summary>
internal sealed class WorkspaceDirectory : IDisposable
{
    private readonly SafeFileHandle? _fd;
    private readonly string _path;
    private readonly string _display;

    private WorkspaceDirectory(SafeFileHandle? fd, string path, string display)
    {
        _fd = fd;
        _path = path;
        _display = display;
    }

    /// <summary>Opens the parent of <paramref name="fullPath"/> (a path <see cref="WorkspaceGuard.Resolve"/> returned).</summary>
    public static WorkspaceDirectory OpenParent(WorkspaceGuard guard, string fullPath, bool create, bool followLeaf, out string leaf)
    {
        var display = guard.Display(fullPath);
        if (!guard.Confined || !UnixFileStat.Supported)
        {
            leaf = Path.GetFileName(fullPath);
            var dir = Path.GetDirectoryName(fullPath)!;
            if (create)
            {
                System.IO.Directory.CreateDirectory(dir);
            }

            return new WorkspaceDirectory(null, dir, display);
        }

        // Walk the canonical form (in-workspace symlinks already resolved and checked by the guard), following nothing.
        var canonicalRoot = WorkspaceGuard.Canonical(guard.Root);
        var target = followLeaf ? WorkspaceGuard.Canonical(fullPath) : Path.Combine(WorkspaceGuard.Canonical(Path.GetDirectoryName(fullPath)!), Path.GetFileName(fullPath));
        if (!WorkspaceGuard.IsInside(canonicalRoot, target))
        {
            throw Escaped(display);
        }

        var parts = Path.GetRelativePath(canonicalRoot, target).Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length == 0 || parts[^1] is "." or "..")
        {
            throw new PathRefusedException($"{display} is a directory; give a file path");
        }

        if (create)
        {
            // The workspace root is configuration, not tool input: a fresh agent's root is created on first write.
            System.IO.Directory.CreateDirectory(canonicalRoot);
        }

        var fd = NoFollowNative.OpenDirectory(canonicalRoot, out var errno);
        if (fd.IsInvalid)
        {
            throw new PathRefusedException($"Cannot open the workspace root {canonicalRoot} (errno {errno}); check that it exists and is a directory");
        }

        for (var i = 0; i < parts.Length - 1; i++)
        {
            var next = NoFollowNative.OpenAt(fd, parts[i], NoFollowNative.ReadOnly | NoFollowNative.Directory, 0, out errno);
            if (next.IsInvalid && errno == NoFollowNative.ENOENT && create)
            {
                var made = NoFollowNative.MakeDirectoryAt(fd, parts[i]);
                next = made is 0 or NoFollowNative.EEXIST ? NoFollowNative.OpenAt(fd, parts[i], NoFollowNative.ReadOnly | NoFollowNative.Directory, 0, out errno) : next;
            }

            fd.Dispose();
            if (next.IsInvalid)
            {
                throw errno switch
                {
                    NoFollowNative.ENOENT => new PathRefusedException($"File not found: {display} (directory {parts[i]} does not exist)"),
                    NoFollowNative.ELOOP or NoFollowNative.ENOTDIR => Escaped(display),
                    _ => new PathRefusedException($"Cannot open directory {parts[i]} of {display} (errno {errno})"),
                };
            }

            fd = next;
        }

        leaf = parts[^1];
        return new WorkspaceDirectory(fd, Path.GetDirectoryName(target)!, display);
    }

    /// <summary>Opens an existing regular file for reading; refuses symlinks, directories, FIFOs, devices, hard links.</summary>
    public FileStream OpenRead(string leaf)
    {
        if (_fd is null)
        {
            return new FileStream(Path.Combine(_path, leaf), FileMode.Open, FileAccess.Read, FileShare.Read);
        }

        var handle = NoFollowNative.OpenAt(_fd, leaf, NoFollowNative.ReadOnly | NoFollowNative.NonBlocking, 0, out var errno);
        if (handle.IsInvalid)
        {
            throw errno switch
            {
                NoFollowNative.ENOENT => new PathRefusedException($"File not found: {_display}"),
                NoFollowNative.ELOOP => Escaped(_display),
                _ => new PathRefusedException($"Cannot open {_display} (errno {errno})"),
            };
        }

        var stat = UnixFileStat.Fstat(handle);
        if (stat is not { IsRegular: true })
        {
            handle.Dispose();
            throw stat is { IsDirectory: true }
                ? new PathRefusedException($"{_display} is a directory, not a file")
                : new PathRefusedException($"Not a regular file: {_display} (devices, FIFOs and sockets are not allowed)");
        }

        if (stat.Value.LinkCount > 1)
        {
            handle.Dispose();
            throw new PathRefusedException($"Hardlinked path is not allowed under workspace root: {_display}");
        }

        return new FileStream(handle, FileAccess.Read);
    }

    /// <summary>Creates a new file that must not exist yet (used for the temp file of an atomic replace).</summary>
    public FileStream CreateNew(string leaf)
    {
        if (_fd is null)
        {
            return new FileStream(Path.Combine(_path, leaf), FileMode.CreateNew, FileAccess.Write);
        }

        var handle = NoFollowNative.OpenAt(_fd, leaf, NoFollowNative.WriteOnly | NoFollowNative.Create | NoFollowNative.Exclusive, Convert.ToInt32("666", 8), out var errno);
        return handle.IsInvalid ? throw new IOException($"Cannot create {leaf} next to {_display} (errno {errno})") : new FileStream(handle, FileAccess.Write);
    }

    /// <summary>Atomically replaces <paramref name="to"/> with <paramref name="from"/> (a symlink at <paramref name="to"/> is replaced, not followed).</summary>
    public void Replace(string from, string to)
    {
        if (_fd is null)
        {
            File.Move(Path.Combine(_path, from), Path.Combine(_path, to), overwrite: true);
            return;
        }

        var errno = NoFollowNative.RenameAt(_fd, from, to);
        if (errno != 0)
        {
            throw errno == NoFollowNative.EISDIR ? new PathRefusedException($"{_display} is a directory; give a file path") : new IOException($"Cannot replace {_display} (errno {errno})");
        }
    }

    /// <summary>Removes an entry (a symlink itself, never its target); a missing entry is not an error.</summary>
    public void Delete(string leaf)
    {
        if (_fd is null)
        {
            File.Delete(Path.Combine(_path, leaf));
            return;
        }

        var errno = NoFollowNative.UnlinkAt(_fd, leaf);
        if (errno is not (0 or NoFollowNative.ENOENT))
        {
            throw new IOException($"Cannot delete {_display} (errno {errno})");
        }
    }

    public void Dispose() => _fd?.Dispose();

    private static PathRefusedException Escaped(string display)
        => new($"Symlink escapes workspace root: {display} (a path component is, or was changed into, a symlink or non-directory while the tool ran)");
}
