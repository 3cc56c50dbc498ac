using System.Text.Json.Nodes;
using Microsoft.Extensions.AI;
using SharpClaw.Agents.Runs;

namespace SharpClaw.Agents.Sessions;

/// <summary>
/// A session's transcript events in order, with the serialized size of the messages after the last
/// compaction/reset boundary (kept as a running total, so the per-turn compaction check does not rescan).
/// </summary>
public sealed record TranscriptSnapshot(IReadOnlyList<JsonObject> Events, long ActiveMessageChars)
{
    internal CachedTranscript? Source { get; init; }

    /// <summary>
    /// The model context of <see cref="Events"/> (<see cref="TranscriptContext.Build"/>); from the store's cache it is
    /// kept incrementally per session, so a turn converts only what was appended since the last one.
    /// </summary>
    public List<ChatMessage> BuildContext() => Source is null ? TranscriptContext.Build(Events) : Source.ContextFor(Events);
}
