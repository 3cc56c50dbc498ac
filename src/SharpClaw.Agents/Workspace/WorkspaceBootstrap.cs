namespace SharpClaw.Agents.Workspace;

/// <summary>
/// Creates an agent workspace on first use with starter bootstrap files. Existing files are never
/// overwritten (the user's edits always win).
/// </summary>
public static class WorkspaceBootstrap
{
    public static readonly IReadOnlyList<string> FileOrder = ["AGENTS.md", "SOUL.md", "IDENTITY.md", "USER.md", "TOOLS.md", "BOOTSTRAP.md", "HEARTBEAT.md", "MEMORY.md"];

    private static readonly Dictionary<string, string> Starters = new(StringComparer.Ordinal)
    {
        ["AGENTS.md"] = """
            # AGENTS.md — how you work

            - Read this file, SOUL.md and USER.md at the start of a session; they are your standing instructions.
            - Write durable notes to MEMORY.md (curated) and memory/YYYY-MM-DD.md (daily log) instead of relying on the chat.
            - Prefer reversible actions; ask before anything destructive or anything that leaves the machine.
            - Never reveal secrets (tokens, keys, passwords) in replies or files.

            ## Tools
            Use tools when they make the answer better; say what you did, briefly.
            """,
        ["SOUL.md"] = """
            # SOUL.md — who you are

            Helpful, direct and honest. Short answers by default, details on request. Admit uncertainty.
            """,
        ["IDENTITY.md"] = """
            # IDENTITY.md

            - Name: (pick one with your user)
            - Vibe: calm, practical
            - Emoji: 🦀
            """,
        ["USER.md"] = """
            # USER.md — about your user

            (Nothing yet. Learn preferences and write them here, as short directives.)
            """,
        ["TOOLS.md"] = """
            # TOOLS.md — local tool notes

            (Notes about this machine's tools, paths and conventions.)
            """,
        ["HEARTBEAT.md"] = """
            # HEARTBEAT.md

            (Checklist for periodic heartbeat turns. Keep it short; reply NO_REPLY when nothing needs attention.)
            """,
        ["MEMORY.md"] = """
            # MEMORY.md — long-term memory

            (Curated facts worth remembering across sessions.)
            """,
    };

    /// <summary>How long a workspace checked by <see cref="EnsureRecently"/> is not looked at again.</summary>
    public static readonly TimeSpan RecheckAfter = TimeSpan.FromSeconds(5);

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, long> Checked = new(StringComparer.Ordinal);

    /// <summary>
    /// <see cref="Ensure"/> at most once per <see cref="RecheckAfter"/> per workspace (the per-turn call: a turn
    /// otherwise pays a mkdir and a stat per starter file).
    /// </summary>
    public static void EnsureRecently(string workspace, TimeProvider time)
    {
        var now = time.GetTimestamp();
        if (Checked.TryGetValue(workspace, out var at) && time.GetElapsedTime(at, now) < RecheckAfter)
        {
            return;
        }

        Ensure(workspace);
        if (Checked.Count >= 256)
        {
            Checked.Clear();
        }

        Checked[workspace] = now;
    }

    /// <summary>Forgets which workspaces were checked (after a workspace file was written or deleted).</summary>
    internal static void Forget() => Checked.Clear();

    /// <summary>Creates the directory and any missing starter files; returns the files it created.</summary>
    public static IReadOnlyList<string> Ensure(string workspace)
    {
        Directory.CreateDirectory(workspace);
        var created = new List<string>();
        foreach (var (name, text) in Starters)
        {
            var path = Path.Combine(workspace, name);
            if (File.Exists(path))
            {
                continue;
            }

            try
            {
                using var stream = new FileStream(path, FileMode.CreateNew, FileAccess.Write);
                using var writer = new StreamWriter(stream);
                writer.Write(text.Replace("\r\n", "\n", StringComparison.Ordinal) + "\n");
                created.Add(name);
            }
            catch (IOException) when (File.Exists(path))
            {
                // Created concurrently: keep the other writer's file.
            }
        }

        return created;
    }
}
