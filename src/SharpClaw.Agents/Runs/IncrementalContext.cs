using System.Text.Json.Nodes;
using Microsoft.Extensions.AI;

namespace SharpClaw.Agents.Runs;

/// <summary>
/// One session's model context (<see cref="TranscriptContext.Build"/>) kept up to date as events are appended,
/// so a turn converts only the new events instead of walking the whole transcript. A compaction or reset event
/// (or a transcript that no longer extends what was seen) rebuilds it from scratch. Tool calls and results are
/// tracked as they arrive; only a transcript with an unanswered call or an orphaned result pays for the full
/// pairing repair. Not thread-safe: the owner (<see cref="Sessions.CachedTranscript"/>) holds its lock.
/// </summary>
internal sealed class IncrementalContext
{
    private readonly HashSet<string> _called = new(StringComparer.Ordinal);
    private readonly HashSet<string> _unanswered = new(StringComparer.Ordinal);
    private List<ChatMessage> _messages = [];
    private JsonObject? _lastEvent;
    private int _covered = -1;
    private bool _orphans;

    /// <summary>The context for <paramref name="events"/> (a fresh list the caller may extend).</summary>
    public List<ChatMessage> For(IReadOnlyList<JsonObject> events)
    {
        if (_covered < 0 || _covered > events.Count || (_covered > 0 && !ReferenceEquals(events[_covered - 1], _lastEvent)))
        {
            Rebuild(events);
        }
        else
        {
            for (var i = _covered; i < events.Count; i++)
            {
                if (TranscriptContext.IsBoundary(events[i]))
                {
                    Rebuild(events);
                    break;
                }

                if (TranscriptContext.ToContextMessage(events[i]) is { } message)
                {
                    _messages.Add(message);
                    Track(message);
                }
            }
        }

        _covered = events.Count;
        _lastEvent = events.Count > 0 ? events[^1] : null;
        return _unanswered.Count == 0 && !_orphans ? [.. _messages] : TranscriptContext.RepairToolPairing(_messages);
    }

    private void Rebuild(IReadOnlyList<JsonObject> events)
    {
        _messages = TranscriptContext.Collect(events);
        _called.Clear();
        _unanswered.Clear();
        _orphans = false;
        foreach (var m in _messages)
        {
            Track(m);
        }
    }

    private void Track(ChatMessage message)
    {
        foreach (var content in message.Contents)
        {
            switch (content)
            {
                case FunctionCallContent call:
                    _called.Add(call.CallId);
                    _unanswered.Add(call.CallId);
                    break;
                case FunctionResultContent result when _called.Contains(result.CallId):
                    _unanswered.Remove(result.CallId);
                    break;
                case FunctionResultContent:
                    _orphans = true;
                    break;
            }
        }
    }
}
