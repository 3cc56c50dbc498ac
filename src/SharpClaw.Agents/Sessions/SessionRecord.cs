using System.Text.Json.Nodes;

namespace SharpClaw.Agents.Sessions;

/// <summary>
/// A stored session row. <see cref="Entry"/> is OpenClaw's SessionEntry JSON (openclaw-core §3.3); unknown
/// fields are kept as they are when the row is rewritten.
/// </summary>
public sealed record SessionRecord(string Key, string AgentId, string SessionId, JsonObject Entry, long CreatedAtMs, long UpdatedAtMs)
{
    public string? Label => (string?)Entry["label"];

    public long InputTokens => (long?)Entry["inputTokens"] ?? 0;

    public long OutputTokens => (long?)Entry["outputTokens"] ?? 0;

    public int CompactionCount => (int?)Entry["compactionCount"] ?? 0;

    public string? Model => (string?)Entry["model"];

    public string? ModelProvider => (string?)Entry["modelProvider"];

    public string? ThinkingLevel => (string?)Entry["thinkingLevel"];
}
