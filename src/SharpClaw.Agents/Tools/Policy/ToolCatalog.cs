namespace SharpClaw.Agents.Tools.Policy;

/// <summary>
/// The core tool catalog (openclaw-core §2.1/§2.2, seed §4.4): sections in the order Files, Runtime, Web, Memory,
/// Sessions, UI, Messaging, Automation, Nodes, Agents, Media; the profiles each tool belongs to; and the groups
/// derived from the sections. Tools listed here may not all be implemented; the registry decides what exists.
/// </summary>
public static class ToolCatalog
{
    public const string Minimal = "minimal";
    public const string Coding = "coding";
    public const string Messaging = "messaging";
    public const string Full = "full";

    public static readonly IReadOnlyList<(string Id, string Label)> Profiles =
        [(Minimal, "Minimal"), (Coding, "Coding"), (Messaging, "Messaging"), (Full, "Full")];

    public static readonly IReadOnlyList<ToolCatalogSection> Sections =
    [
        new("fs", "Files"), new("runtime", "Runtime"), new("web", "Web"), new("memory", "Memory"), new("sessions", "Sessions"),
        new("ui", "UI"), new("messaging", "Messaging"), new("automation", "Automation"), new("nodes", "Nodes"),
        new("agents", "Agents"), new("media", "Media"),
    ];

    private static readonly string[] C = [Coding];
    private static readonly string[] CM = [Coding, Messaging];
    private static readonly string[] CMMin = [Minimal, Coding, Messaging];
    private static readonly string[] M = [Messaging];
    private static readonly string[] None = [];

    public static readonly IReadOnlyList<ToolCatalogEntry> Entries =
    [
        new("read", "Read", "Read a workspace file (line ranges, truncation notices).", "fs", "low", C),
        new("write", "Write", "Create or overwrite a file.", "fs", "medium", C),
        new("edit", "Edit", "Replace one exact, unique text block in a file.", "fs", "medium", C),
        new("apply_patch", "Apply Patch", "Apply a unified diff or *** Begin Patch patch, all-or-nothing.", "fs", "medium", C),
        new("exec", "Exec", "Run a shell command under the exec security policy.", "runtime", "high", C),
        new("process", "Process", "Start, list, stop, signal, poll and write to background processes of this session.", "runtime", "high", C),
        new("web_search", "Web Search", "Search the web.", "web", "low", C),
        new("web_fetch", "Web Fetch", "Fetch and extract a web page.", "web", "medium", C),
        new("memory_search", "Memory Search", "Search agent memory.", "memory", "low", C),
        new("memory_get", "Memory Get", "Read a memory file.", "memory", "low", C),
        new("sessions_list", "Sessions List", "List sessions.", "sessions", "low", CM),
        new("sessions_history", "Sessions History", "Read a session's messages.", "sessions", "low", CM),
        new("sessions_send", "Sessions Send", "Send a message to another session.", "sessions", "medium", CM),
        new("sessions_spawn", "Sessions Spawn", "Spawn a sub-agent in its own session.", "sessions", "medium", C),
        new("subagents", "Subagents", "List or kill spawned sub-agents.", "sessions", "medium", C),
        new("session_status", "Session Status", "Current session metadata.", "sessions", "low", CMMin),
        new("browser", "Browser", "Control a web browser.", "ui", "high", None),
        new("canvas", "Canvas", "Drive a node canvas.", "ui", "medium", None),
        new("message", "Message", "Send a message through a channel.", "messaging", "medium", M),
        new("cron", "Cron", "Manage scheduled tasks.", "automation", "high", C),
        new("gateway", "Gateway", "Safe gateway operations (status, config read; writes need admin).", "automation", "high", None),
        new("nodes", "Nodes", "Invoke commands on paired nodes.", "nodes", "high", None),
        new("agents_list", "Agents List", "List agents sessions_spawn may target.", "agents", "low", None),
        new("image", "Image", "Describe an image.", "media", "low", C),
        new("tts", "TTS", "Text to speech.", "media", "low", None),
    ];

    private static readonly Dictionary<string, ToolCatalogEntry> ById = Entries.ToDictionary(e => e.Id, StringComparer.Ordinal);

    public static ToolCatalogEntry? Find(string id) => ById.GetValueOrDefault(id);

    public static bool IsKnownProfile(string? profile) => profile is Minimal or Coding or Messaging or Full;

    /// <summary>Tools of a profile; null for <c>full</c>/unset/unknown (no restriction).</summary>
    public static IReadOnlySet<string>? ProfileTools(string? profile)
        => profile is Minimal or Coding or Messaging
            ? Entries.Where(e => e.Profiles.Contains(profile)).Select(e => e.Id).ToHashSet(StringComparer.Ordinal)
            : null;

    /// <summary>Members of a group id (<c>group:fs</c>, <c>group:openclaw</c>, …); null when unknown.</summary>
    public static IReadOnlyList<string>? GroupMembers(string groupId)
    {
        if (groupId == "group:openclaw")
        {
            return [.. Entries.Where(e => e.Id is not ("read" or "write" or "edit" or "apply_patch" or "exec" or "process" or "canvas")).Select(e => e.Id)];
        }

        var section = Sections.FirstOrDefault(s => s.GroupId == groupId);
        return section is null ? null : [.. Entries.Where(e => e.Section == section.Id).Select(e => e.Id)];
    }
}
