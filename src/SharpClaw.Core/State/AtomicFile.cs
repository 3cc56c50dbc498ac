using System.Text;

namespace SharpClaw.Core.State;

/// <summary>
/// Crash-safe file replacement: write a temp file in the same directory, fsync it, rename it over the
/// target, then fsync the directory. Files are created with mode 600.
/// </summary>
public static class AtomicFile
{
    private const UnixFileMode PrivateFile = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    public static Task WriteAllTextAsync(string path, string contents, CancellationToken cancellationToken = default)
        => WriteAllBytesAsync(path, Encoding.UTF8.GetBytes(contents), cancellationToken);

    public static async Task WriteAllBytesAsync(string path, ReadOnlyMemory<byte> contents, CancellationToken cancellationToken = default)
    {
        var full = Path.GetFullPath(path);
        var dir = Path.GetDirectoryName(full)!;
        StatePaths.EnsurePrivateDirectory(dir);
        var temp = Path.Combine(dir, $".{Path.GetFileName(full)}.{Guid.NewGuid():N}.tmp");
        try
        {
            var options = new FileStreamOptions
            {
                Mode = FileMode.CreateNew,
                Access = FileAccess.Write,
                Share = FileShare.None,
                Options = FileOptions.Asynchronous,
            };
            if (!OperatingSystem.IsWindows())
            {
                options.UnixCreateMode = PrivateFile;
            }

            await using (var stream = new FileStream(temp, options))
            {
                await stream.WriteAsync(contents, cancellationToken);
                await stream.FlushAsync(cancellationToken);
                stream.Flush(flushToDisk: true);
            }

            File.Move(temp, full, overwrite: true);
            FsyncDirectory(dir);
        }
        catch
        {
            TryDelete(temp);
            throw;
        }
    }

    private static void FsyncDirectory(string dir)
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        try
        {
            using var handle = File.OpenHandle(dir, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, FileOptions.None);
            RandomAccess.FlushToDisk(handle);
        }
        catch (IOException)
        {
            // Some file systems refuse to open a directory for reading; the rename is still atomic.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
        }
    }
}
