using System.Globalization;
using System.Text.Json.Nodes;

namespace SharpClaw.Agents.Sessions;

/// <summary>
/// Builders for OpenClaw transcript events (openclaw-core §3.4): one JSON object per event, a header first,
/// then entries linked by <c>id</c>/<c>parentId</c>. Entry timestamps are ISO-8601; message timestamps epoch ms.
/// </summary>
public static class TranscriptEvents
{
    public const int Version = 4;

    public static JsonObject Header(string sessionId, DateTimeOffset now, string? cwd) => new()
    {
        ["type"] = "session",
        ["version"] = Version,
        ["id"] = sessionId,
        ["timestamp"] = Iso(now),
        ["cwd"] = cwd ?? string.Empty,
    };

    public static JsonObject Message(JsonObject message, DateTimeOffset now) => Entry("message", now, new JsonObject { ["message"] = message });

    public static JsonObject Reset(string reason, DateTimeOffset now, string? firstKeptEntryId = null)
    {
        var e = Entry("reset", now, new JsonObject { ["reason"] = reason });
        if (firstKeptEntryId is not null)
        {
            e["firstKeptEntryId"] = firstKeptEntryId;
        }

        return e;
    }

    public static JsonObject Compaction(string summary, string? firstKeptEntryId, long tokensBefore, long? tokensAfter, DateTimeOffset now)
    {
        var e = Entry("compaction", now, new JsonObject { ["summary"] = summary, ["tokensBefore"] = tokensBefore });
        e["firstKeptEntryId"] = firstKeptEntryId;
        if (tokensAfter is { } after)
        {
            e["tokensAfter"] = after;
        }

        return e;
    }

    public static JsonObject ModelChange(string provider, string modelId, DateTimeOffset now)
        => Entry("model_change", now, new JsonObject { ["provider"] = provider, ["modelId"] = modelId });

    public static JsonObject ThinkingLevelChange(string level, DateTimeOffset now)
        => Entry("thinking_level_change", now, new JsonObject { ["thinkingLevel"] = level });

    public static JsonObject CustomMessage(string customType, string content, bool display, DateTimeOffset now)
        => Entry("custom_message", now, new JsonObject { ["customType"] = customType, ["content"] = content, ["display"] = display });

    private static JsonObject Entry(string type, DateTimeOffset now, JsonObject fields)
    {
        var e = new JsonObject
        {
            ["type"] = type,
            ["id"] = Guid.NewGuid().ToString(),
            ["parentId"] = null,
            ["timestamp"] = Iso(now),
        };
        foreach (var (k, v) in fields.ToList())
        {
            fields.Remove(k);
            e[k] = v;
        }

        return e;
    }

    private static string Iso(DateTimeOffset t) => t.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
}
