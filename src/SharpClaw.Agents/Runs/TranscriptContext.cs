using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.AI;

namespace SharpClaw.Agents.Runs;

/// <summary>
/// Rebuilds the model context from transcript events (openclaw-core §3.4): starts at the last compaction or
/// reset boundary (a compaction's summary becomes a user message with the exact framing), keeps messages
/// after it, and repairs tool-call/result pairing in memory (missing results get a synthetic error).
/// </summary>
public static class TranscriptContext
{
    // Transcript events are shared, immutable once stored (see SessionStore.ReadEventsAsync), so each stored
    // message is converted once and reused by later turns.
    private static readonly ConditionalWeakTable<JsonObject, ConvertedMessage> Converted = new();

    public const string CompactionPreamble = "The conversation history before this point was compacted into the following summary:\n\n<summary>\n";

    public static List<ChatMessage> Build(IReadOnlyList<JsonObject> events) => RepairToolPairing(Collect(events));

    /// <summary>The model messages from the last boundary on, before tool-pairing repair.</summary>
    internal static List<ChatMessage> Collect(IReadOnlyList<JsonObject> events)
    {
        var start = 0;
        string? summary = null;
        string? firstKept = null;
        for (var i = events.Count - 1; i >= 0; i--)
        {
            var type = (string?)events[i]["type"];
            if (type is "compaction" or "reset")
            {
                start = i + 1;
                firstKept = (string?)events[i]["firstKeptEntryId"];
                summary = type == "compaction" ? (string?)events[i]["summary"] : null;
                if (firstKept is not null)
                {
                    var keptIndex = -1;
                    for (var j = 0; j < i; j++)
                    {
                        if ((string?)events[j]["id"] == firstKept)
                        {
                            keptIndex = j;
                            break;
                        }
                    }

                    if (keptIndex >= 0)
                    {
                        var kept = events.Skip(keptIndex).Take(i - keptIndex).ToList();
                        var rest = events.Skip(i + 1).ToList();
                        return FromEvents(summary, [.. kept, .. rest]);
                    }
                }

                break;
            }
        }

        return FromEvents(summary, [.. events.Skip(start)]);
    }

    /// <summary>True for the events after which the context starts over (<see cref="Collect"/> must rerun).</summary>
    internal static bool IsBoundary(JsonObject e) => (string?)e["type"] is "compaction" or "reset";

    private static List<ChatMessage> FromEvents(string? summary, List<JsonObject> events)
    {
        var messages = new List<ChatMessage>(events.Count + 1);
        if (summary is not null)
        {
            messages.Add(new ChatMessage(ChatRole.User, CompactionPreamble + summary + "\n</summary>"));
        }

        foreach (var e in events)
        {
            if (ToContextMessage(e) is { } cm)
            {
                messages.Add(cm);
            }
        }

        return messages;
    }

    /// <summary>The model message one (non-boundary) event contributes, if any.</summary>
    internal static ChatMessage? ToContextMessage(JsonObject e) => (string?)e["type"] switch
    {
        "message" when e["message"] is JsonObject m && m["excludeFromContext"]?.GetValue<bool>() != true
            => Converted.GetValue(m, static m => new ConvertedMessage(ToChatMessage(m))).Message,
        "custom_message" => new ChatMessage(ChatRole.User, (string?)e["content"] ?? string.Empty),
        _ => null,
    };

    public static ChatMessage? ToChatMessage(JsonObject m)
    {
        switch ((string?)m["role"])
        {
            case "user":
                return new ChatMessage(ChatRole.User, ContentOf(m["content"]));
            case "assistant":
                {
                    var contents = new List<AIContent>();
                    if (m["content"] is JsonArray parts)
                    {
                        foreach (var part in parts.OfType<JsonObject>())
                        {
                            switch ((string?)part["type"])
                            {
                                case "text":
                                    contents.Add(new TextContent((string?)part["text"] ?? string.Empty));
                                    break;
                                case "toolCall":
                                    contents.Add(new FunctionCallContent((string?)part["id"] ?? string.Empty, (string?)part["name"] ?? string.Empty, ToArguments(part["arguments"] as JsonObject)));
                                    break;
                            }
                        }
                    }
                    else if ((string?)m["content"] is { } text)
                    {
                        contents.Add(new TextContent(text));
                    }

                    return contents.Count == 0 ? null : new ChatMessage(ChatRole.Assistant, contents);
                }

            case "toolResult":
                {
                    var text = m["content"] is JsonArray arr ? string.Concat(arr.OfType<JsonObject>().Select(p => (string?)p["text"] ?? string.Empty)) : (string?)m["content"] ?? string.Empty;
                    return new ChatMessage(ChatRole.Tool, [new FunctionResultContent((string?)m["toolCallId"] ?? string.Empty, text)]);
                }

            default:
                return null;
        }
    }

    private static List<AIContent> ContentOf(JsonNode? content)
    {
        if (content is JsonArray parts)
        {
            var list = new List<AIContent>();
            foreach (var p in parts.OfType<JsonObject>())
            {
                if ((string?)p["type"] == "image" && (string?)p["data"] is { } data)
                {
                    list.Add(new DataContent(Convert.FromBase64String(data), (string?)p["mimeType"] ?? "image/png"));
                }
                else if ((string?)p["text"] is { } t)
                {
                    list.Add(new TextContent(t));
                }
            }

            return list;
        }

        return [new TextContent((string?)content ?? string.Empty)];
    }

    public static Dictionary<string, object?> ToArguments(JsonObject? args)
    {
        var dict = new Dictionary<string, object?>(StringComparer.Ordinal);
        if (args is null)
        {
            return dict;
        }

        foreach (var (k, v) in args)
        {
            dict[k] = v is null ? null : JsonSerializer.Deserialize(v.ToJsonString(), Json.AgentsJsonContext.Default.JsonElement);
        }

        return dict;
    }

    internal static List<ChatMessage> RepairToolPairing(List<ChatMessage> messages)
    {
        // Plain loops rather than LINQ: this runs over the whole active transcript on every model call.
        var result = new List<ChatMessage>(messages.Count);
        var answered = new HashSet<string>(StringComparer.Ordinal);
        foreach (var m in messages)
        {
            foreach (var c in m.Contents)
            {
                if (c is FunctionResultContent r)
                {
                    answered.Add(r.CallId);
                }
            }
        }

        var called = new HashSet<string>(StringComparer.Ordinal);
        foreach (var m in messages)
        {
            if (m.Role == ChatRole.Tool)
            {
                var valid = new List<AIContent>(m.Contents.Count);
                foreach (var c in m.Contents)
                {
                    if (c is FunctionResultContent r && called.Contains(r.CallId))
                    {
                        valid.Add(r);
                    }
                }

                if (valid.Count == m.Contents.Count)
                {
                    result.Add(m); // already only answered results: reuse the (cached) message as is
                }
                else if (valid.Count > 0)
                {
                    result.Add(new ChatMessage(ChatRole.Tool, valid));
                }

                continue;
            }

            result.Add(m);
            List<AIContent>? missing = null;
            foreach (var c in m.Contents)
            {
                if (c is FunctionCallContent call)
                {
                    called.Add(call.CallId);
                    if (!answered.Contains(call.CallId))
                    {
                        (missing ??= []).Add(new FunctionResultContent(call.CallId, "error: the tool result was lost (run interrupted)"));
                    }
                }
            }

            if (missing is not null)
            {
                result.Add(new ChatMessage(ChatRole.Tool, missing));
            }
        }

        return result;
    }
}
