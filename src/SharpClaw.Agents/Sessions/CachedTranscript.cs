using System.Text.Json.Nodes;

namespace SharpClaw.Agents.Sessions;

/// <summary>One session's parsed events in sequence order; guarded by its own lock.</summary>
internal sealed class CachedTranscript
{
    public Lock Gate { get; } = new();

    public List<JsonObject> Events { get; } = [];

    /// <summary>Sequence number of the last cached event (0 when nothing is cached).</summary>
    public long LastSeq { get; set; }

    public long LastUsed { get; set; }

    /// <summary>Adds an event committed with <paramref name="seq"/> if it directly follows what is cached.</summary>
    public void AppendCommitted(long seq, JsonObject evt)
    {
        lock (Gate)
        {
            if (seq == LastSeq + 1)
            {
                Events.Add(evt);
                LastSeq = seq;
            }
        }
    }
}
