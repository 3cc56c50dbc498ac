using System.Text;

namespace SharpClaw.Agents.Tools.Files;

/// <summary>
/// File I/O for the file tools, always through a <see cref="WorkspaceDirectory"/> (so confined paths are opened
/// without following symlinks): size-limited reads and temp-file + rename writes.
/// </summary>
internal static class WorkspaceFile
{
    public static async Task<string> ReadTextAsync(WorkspaceGuard guard, string path, string display, CancellationToken ct)
    {
        if (System.IO.Directory.Exists(path))
        {
            throw new PathRefusedException($"{display} is a directory, not a file");
        }

        var bytes = await ReadBytesAsync(guard, path, ct);
        if (bytes.AsSpan(0, Math.Min(bytes.Length, 8192)).Contains((byte)0))
        {
            throw new PathRefusedException($"{display} looks like a binary file (contains NUL bytes); read refuses binary content");
        }

        return Encoding.UTF8.GetString(bytes);
    }

    public static async Task<byte[]> ReadBytesAsync(WorkspaceGuard guard, string path, CancellationToken ct)
    {
        using var dir = WorkspaceDirectory.OpenParent(guard, path, create: false, followLeaf: true, out var leaf);
        FileStream stream;
        try
        {
            stream = dir.OpenRead(leaf);
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new PathRefusedException($"File not found: {guard.Display(path)}");
        }

        await using (stream)
        {
            if (stream.Length > FileToolSettings.MaxReadBytes)
            {
                throw new PathRefusedException($"file exceeds limit of {FileToolSettings.MaxReadBytes} bytes: {guard.Display(path)} ({stream.Length} bytes); use exec with head/tail for large files");
            }

            var buffer = new MemoryStream((int)stream.Length);
            await stream.CopyToAsync(buffer, ct);
            return buffer.ToArray();
        }
    }

    public static Task WriteTextAsync(WorkspaceGuard guard, string path, string content, CancellationToken ct)
        => WriteBytesAsync(guard, path, Encoding.UTF8.GetBytes(content), ct);

    public static async Task WriteBytesAsync(WorkspaceGuard guard, string path, byte[] bytes, CancellationToken ct)
    {
        using var dir = WorkspaceDirectory.OpenParent(guard, path, create: true, followLeaf: true, out var leaf);
        var temp = $".{leaf}.{Guid.NewGuid():N}.tmp";
        try
        {
            await using (var stream = dir.CreateNew(temp))
            {
                await stream.WriteAsync(bytes, ct);
                await stream.FlushAsync(ct);
                stream.Flush(flushToDisk: true);
            }

            dir.Replace(temp, leaf);
            Workspace.WorkspaceFileCache.Forget();
        }
        catch
        {
            dir.Delete(temp);
            throw;
        }
    }

    /// <summary>Deletes the entry itself (a symlink is removed, not followed).</summary>
    public static void Delete(WorkspaceGuard guard, string path)
    {
        using var dir = WorkspaceDirectory.OpenParent(guard, path, create: false, followLeaf: false, out var leaf);
        dir.Delete(leaf);
        Workspace.WorkspaceFileCache.Forget();
    }
}
