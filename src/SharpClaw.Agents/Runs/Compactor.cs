using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.AI;
using SharpClaw.Agents.Sessions;

namespace SharpClaw.Agents.Runs;

/// <summary>
/// Compaction (openclaw-core §3.7): the older part of the transcript is summarised by the model, the recent
/// tail (about <see cref="KeepRecentTokens"/>) is kept verbatim, a <c>compaction</c> entry with
/// <c>firstKeptEntryId</c> is appended and the session's compaction count increases. The history stays on disk.
/// A tool call is never separated from its result.
/// </summary>
public sealed class Compactor(SessionStore sessions, IModelInvoker models, TimeProvider time)
{
    public const int KeepRecentTokens = 20_000;
    public const int DefaultContextWindow = 200_000;

    /// <summary>Rough token estimate (4 characters per token) used for thresholds.</summary>
    public static long EstimateTokens(IEnumerable<JsonObject> events) => events.Sum(TranscriptMeasure.MessageChars) / 4;

    /// <summary>True when the active context nears the window (window − reserve).</summary>
    /// <param name="activeMessageChars">The size of the messages after the last boundary (<see cref="TranscriptSnapshot.ActiveMessageChars"/>).</param>
    public static bool ShouldCompact(long activeMessageChars, int contextWindow)
    {
        var reserve = contextWindow >= 80_000 ? 20_000 : contextWindow / 4;
        return activeMessageChars / 4 >= contextWindow - reserve;
    }

    public async Task<bool> CompactAsync(SessionRecord session, ModelCall call, RunEventEmitter? emitter, CancellationToken ct, string? instructions = null)
    {
        var events = await sessions.ReadEventsAsync(session.SessionId, ct);
        var active = ActiveMessages(events);
        if (active.Count < 2)
        {
            return false;
        }

        var cut = active.Count;
        long kept = 0;
        while (cut > 1)
        {
            var size = (long)(active[cut - 1].Event["message"]?.ToJsonString().Length ?? 0) / 4;
            if (kept + size > KeepRecentTokens && cut < active.Count)
            {
                break;
            }

            kept += size;
            cut--;
        }

        // Never start the kept tail on a tool result: move back to the assistant message that called it.
        while (cut > 0 && cut < active.Count && (string?)active[cut].Event["message"]?["role"] == "toolResult")
        {
            cut--;
        }

        if (cut <= 0)
        {
            cut = Math.Max(1, active.Count - 1);
        }

        var older = active.Take(cut).ToList();
        var firstKept = cut < active.Count ? (string?)active[cut].Event["id"] : null;
        emitter?.Lifecycle("compaction", new JsonObject { ["phase"] = "start" });
        var summary = await SummarizeAsync(older.Select(o => o.Event).ToList(), call, instructions, ct);
        var tokensBefore = EstimateTokens(active.Select(a => a.Event));
        await sessions.AppendAsync(session.SessionId, TranscriptEvents.Compaction(summary, firstKept, tokensBefore, EstimateTokens(active.Skip(cut).Select(a => a.Event)) + (summary.Length / 4), time.GetUtcNow()), ct);
        await sessions.UpdateAsync(session.Key, e => e["compactionCount"] = ((int?)e["compactionCount"] ?? 0) + 1, ct);
        emitter?.Lifecycle("compaction", new JsonObject { ["phase"] = "end", ["completed"] = true });
        return true;
    }

    private async Task<string> SummarizeAsync(List<JsonObject> older, ModelCall call, string? instructions, CancellationToken ct)
    {
        var transcript = new StringBuilder();
        foreach (var e in older)
        {
            var m = e["message"] as JsonObject;
            var role = (string?)m?["role"] ?? "?";
            var text = m?["content"] switch
            {
                JsonArray parts => string.Join(" ", parts.OfType<JsonObject>().Select(p => (string?)p["text"] ?? (p["name"] is not null ? $"[tool call {p["name"]} {p["arguments"]?.ToJsonString()}]" : string.Empty))),
                JsonNode n => (string?)n ?? string.Empty,
                _ => string.Empty,
            };
            transcript.Append(role).Append(": ").AppendLine(text.Length > 4000 ? text[..4000] + " …" : text);
        }

        var prompt = "Summarise the conversation below for your own future reference. Keep decisions, open tasks, facts about the user, " +
            "file paths, identifiers and numbers exactly. Use short sections: Goal, Progress, Decisions, Open items, Key facts." +
            (string.IsNullOrWhiteSpace(instructions) ? string.Empty : "\nFocus: " + instructions.Trim()[..Math.Min(800, instructions.Trim().Length)]) +
            "\n\n<conversation>\n" + transcript + "</conversation>";
        var messages = new List<ChatMessage> { new(ChatRole.System, "You write faithful, compact conversation summaries."), new(ChatRole.User, prompt) };
        var sb = new StringBuilder();
        await foreach (var update in models.StreamAsync(call with { OnModelSelected = null }, messages, new ChatOptions(), ct).WithCancellation(ct))
        {
            foreach (var t in update.Contents.OfType<TextContent>())
            {
                sb.Append(t.Text);
            }
        }

        var summary = sb.ToString().Trim();
        return summary.Length == 0 ? "(no summary produced)" : summary;
    }

    /// <summary>Message events after the last compaction/reset boundary, with their indexes.</summary>
    private static List<(int Index, JsonObject Event)> ActiveMessages(IReadOnlyList<JsonObject> events)
        => [.. events.Select((e, i) => (i, e)).Skip(ActiveStart(events)).Where(x => (string?)x.e["type"] == "message")];

    /// <summary>Index of the first event after the last compaction/reset boundary.</summary>
    private static int ActiveStart(IReadOnlyList<JsonObject> events)
    {
        for (var i = events.Count - 1; i >= 0; i--)
        {
            if ((string?)events[i]["type"] is "compaction" or "reset")
            {
                return i + 1;
            }
        }

        return 0;
    }
}
