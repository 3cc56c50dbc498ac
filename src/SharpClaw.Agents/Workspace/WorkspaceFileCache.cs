using System.Collections.Concurrent;

namespace SharpClaw.Agents.Workspace;

/// <summary>
/// Contents of workspace bootstrap files, re-read only when a file's size or modification time changes
/// (one stat per file per turn instead of a read). Bounded; cleared when full.
/// </summary>
internal static class WorkspaceFileCache
{
    private const int Capacity = 512;
    private static readonly ConcurrentDictionary<string, (DateTime Modified, long Length, string Content)> Entries = new(StringComparer.Ordinal);

    /// <summary>The file's text, or null when it does not exist.</summary>
    public static string? Read(string path)
    {
        var info = new FileInfo(path);
        if (!info.Exists)
        {
            Entries.TryRemove(path, out _);
            return null;
        }

        var modified = info.LastWriteTimeUtc;
        if (Entries.TryGetValue(path, out var hit) && hit.Modified == modified && hit.Length == info.Length)
        {
            return hit.Content;
        }

        var content = File.ReadAllText(path);
        if (Entries.Count >= Capacity)
        {
            Entries.Clear();
        }

        Entries[path] = (modified, info.Length, content);
        return content;
    }
}
