using System.Text.Json.Nodes;
using Microsoft.Extensions.AI;
using SharpClaw.Agents.Runs;

namespace SharpClaw.Agents.Sessions;

/// <summary>
/// One session's parsed events in sequence order, plus the running size of the messages after the last
/// compaction/reset boundary; guarded by its own lock.
/// </summary>
internal sealed class CachedTranscript
{
    public Lock Gate { get; } = new();

    public List<JsonObject> Events { get; } = [];

    /// <summary>Sequence number of the last cached event (0 when nothing is cached).</summary>
    public long LastSeq { get; private set; }

    /// <summary><see cref="TranscriptMeasure.MessageChars"/> summed over the message events after the last boundary.</summary>
    public long ActiveMessageChars { get; private set; }

    public long LastUsed { get; set; }

    private IncrementalContext Context { get; } = new();

    /// <summary>The model context for <paramref name="events"/> (a snapshot of <see cref="Events"/>), built incrementally.</summary>
    public List<ChatMessage> ContextFor(IReadOnlyList<JsonObject> events)
    {
        lock (Gate)
        {
            return Context.For(events);
        }
    }

    /// <summary>The cached event with sequence number <paramref name="seq"/> when it is the last one cached, else null.</summary>
    public JsonObject? LastEventIf(long seq)
    {
        lock (Gate)
        {
            return seq == LastSeq && Events.Count > 0 ? Events[^1] : null;
        }
    }

    /// <summary>Adds an event committed with <paramref name="seq"/> if it directly follows what is cached.</summary>
    public void AppendCommitted(long seq, JsonObject evt)
    {
        lock (Gate)
        {
            if (seq == LastSeq + 1)
            {
                Add(seq, evt);
            }
        }
    }

    /// <summary>Adds an event read back from the store; the caller holds <see cref="Gate"/> and passes seq &gt; <see cref="LastSeq"/>.</summary>
    public void Add(long seq, JsonObject evt)
    {
        Events.Add(evt);
        LastSeq = seq;
        switch ((string?)evt["type"])
        {
            case "compaction" or "reset":
                ActiveMessageChars = 0;
                break;
            case "message":
                ActiveMessageChars += TranscriptMeasure.MessageChars(evt);
                break;
        }
    }
}
