using System.Text;

namespace SharpClaw.Core.Logging;

/// <summary>
/// <c>logs.tail</c>: without a cursor, the last <c>limit</c> lines (within <c>maxBytes</c>) of the current log
/// file; with a cursor, the complete lines appended since that byte offset (a cursor past the end means the
/// file rotated: <c>reset</c> and read from the start). Never returns a partial last line.
/// </summary>
public static class LogTail
{
    public static async Task<LogTailResult> ReadAsync(string file, long? cursor, int limit, int maxBytes, CancellationToken ct = default)
    {
        if (!File.Exists(file))
        {
            return new LogTailResult(file, 0, 0, [], false, cursor is > 0);
        }

        await using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        var size = stream.Length;
        var reset = cursor is { } c && c > size;
        long start;
        if (cursor is { } from && !reset)
        {
            start = from;
        }
        else if (reset)
        {
            start = 0;
        }
        else
        {
            start = Math.Max(0, size - maxBytes);
        }

        var length = (int)Math.Min(size - start, maxBytes);
        var buffer = new byte[length];
        stream.Seek(start, SeekOrigin.Begin);
        await stream.ReadExactlyAsync(buffer, ct);
        var lastNewline = Array.LastIndexOf(buffer, (byte)'\n');
        var usable = lastNewline + 1;
        var text = Encoding.UTF8.GetString(buffer, 0, usable);
        var lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries).ToList();
        var truncated = false;
        if (cursor is null || reset)
        {
            if (start > 0 && lines.Count > 0)
            {
                lines.RemoveAt(0); // the first line may be cut by the byte window
                truncated = true;
            }

            if (lines.Count > limit)
            {
                lines = lines.TakeLast(limit).ToList();
                truncated = true;
            }
        }
        else if (lines.Count > limit)
        {
            var kept = lines.Take(limit).ToList();
            usable = Encoding.UTF8.GetByteCount(string.Join('\n', kept) + "\n");
            lines = kept;
            truncated = true;
        }

        return new LogTailResult(file, start + usable, size, lines, truncated || (start + usable) < size, reset);
    }
}
