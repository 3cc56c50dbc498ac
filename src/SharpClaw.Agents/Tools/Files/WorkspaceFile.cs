using System.Text;

namespace SharpClaw.Agents.Tools.Files;

/// <summary>Text file I/O for the file tools: size-limited reads and temp-file + rename writes.</summary>
internal static class WorkspaceFile
{
    public static async Task<string> ReadTextAsync(string path, string display, CancellationToken ct)
    {
        var info = new FileInfo(path);
        if (Directory.Exists(path))
        {
            throw new PathRefusedException($"{display} is a directory, not a file");
        }

        if (!info.Exists)
        {
            throw new PathRefusedException($"File not found: {display}");
        }

        if (info.Length > FileToolSettings.MaxReadBytes)
        {
            throw new PathRefusedException($"file exceeds limit of {FileToolSettings.MaxReadBytes} bytes: {display} ({info.Length} bytes); use exec with head/tail for large files");
        }

        var bytes = await File.ReadAllBytesAsync(path, ct);
        if (bytes.AsSpan(0, Math.Min(bytes.Length, 8192)).Contains((byte)0))
        {
            throw new PathRefusedException($"{display} looks like a binary file (contains NUL bytes); read refuses binary content");
        }

        return Encoding.UTF8.GetString(bytes);
    }

    public static async Task WriteTextAsync(string path, string content, CancellationToken ct)
    {
        var dir = Path.GetDirectoryName(path)!;
        Directory.CreateDirectory(dir);
        var temp = Path.Combine(dir, $".{Path.GetFileName(path)}.{Guid.NewGuid():N}.tmp");
        try
        {
            await using (var stream = new FileStream(temp, new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Options = FileOptions.Asynchronous }))
            {
                var bytes = Encoding.UTF8.GetBytes(content);
                await stream.WriteAsync(bytes, ct);
                await stream.FlushAsync(ct);
                stream.Flush(flushToDisk: true);
            }

            File.Move(temp, path, overwrite: true);
        }
        catch
        {
            File.Delete(temp);
            throw;
        }
    }
}
