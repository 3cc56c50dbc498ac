using System.Collections.Concurrent;

namespace SharpClaw.Agents.Workspace;

/// <summary>
/// Contents of workspace bootstrap files for the per-turn system prompt. A file is looked at again (one stat,
/// re-read only when its size or modification time changed) at most once per <see cref="RecheckAfter"/>, so an
/// edit made outside SharpClaw shows within a second; writes through SharpClaw (file tools,
/// <c>agents.files.set</c>) call <see cref="Forget"/> and show at once. Bounded; cleared when full.
/// </summary>
internal static class WorkspaceFileCache
{
    public static readonly TimeSpan RecheckAfter = TimeSpan.FromSeconds(1);

    private const int Capacity = 512;
    private static readonly ConcurrentDictionary<string, Entry> Entries = new(StringComparer.Ordinal);

    /// <summary>The file's text, or null when it does not exist.</summary>
    public static string? Read(string path, TimeProvider time)
    {
        var now = time.GetTimestamp();
        if (Entries.TryGetValue(path, out var hit) && time.GetElapsedTime(hit.CheckedAt, now) < RecheckAfter)
        {
            return hit.Content;
        }

        var info = new FileInfo(path);
        string? content = null;
        if (info.Exists)
        {
            content = hit is not null && hit.Content is not null && hit.Modified == info.LastWriteTimeUtc && hit.Length == info.Length
                ? hit.Content
                : File.ReadAllText(path);
        }

        if (Entries.Count >= Capacity)
        {
            Entries.Clear();
        }

        Entries[path] = new Entry(now, info.Exists ? info.LastWriteTimeUtc : default, info.Exists ? info.Length : -1, content);
        return content;
    }

    /// <summary>Drops everything cached (after SharpClaw itself wrote a workspace file).</summary>
    public static void Forget()
    {
        Entries.Clear();
        WorkspaceBootstrap.Forget();
    }

    private sealed record Entry(long CheckedAt, DateTime Modified, long Length, string? Content);
}
