using System.Text.Json.Nodes;

namespace SharpClaw.Agents.Sessions;

/// <summary>
/// A session's transcript events in order, with the serialized size of the messages after the last
/// compaction/reset boundary (kept as a running total, so the per-turn compaction check does not rescan).
/// </summary>
public sealed record TranscriptSnapshot(IReadOnlyList<JsonObject> Events, long ActiveMessageChars);
