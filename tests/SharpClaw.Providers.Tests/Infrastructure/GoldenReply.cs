using System.Text;

namespace SharpClaw.Providers.Tests.Infrastructure;

/// <summary>One canned answer of <see cref="GoldenServer"/>: status, content type, body chunks (each flushed), headers.</summary>
internal sealed record GoldenReply(int Status, string ContentType, IReadOnlyList<byte[]> Chunks)
{
    public IReadOnlyDictionary<string, string> Headers { get; init; } = new Dictionary<string, string>();

    /// <summary>Drop the connection after the last chunk (a stream cut mid-way: no terminating chunk).</summary>
    public bool AbortAtEnd { get; init; }

    /// <summary>Keep the connection open (silent) this long after the last chunk, to exercise idle timeouts.</summary>
    public TimeSpan? HoldOpen { get; init; }

    public static GoldenReply Json(int status, string body) => new(status, "application/json", [Encoding.UTF8.GetBytes(body)]);

    public static GoldenReply JsonFile(int status, string testDataFile) => Json(status, TestData.Read(testDataFile));

    /// <summary>A golden SSE file, one flush per event (events end with a blank line).</summary>
    public static GoldenReply SseFile(string testDataFile) => new(200, "text/event-stream", Split(TestData.Read(testDataFile), "\n\n"));

    /// <summary>A golden newline-delimited JSON file, one flush per line.</summary>
    public static GoldenReply NdjsonFile(string testDataFile) => new(200, "application/x-ndjson", Split(TestData.Read(testDataFile), "\n"));

    /// <summary>Binary frames (e.g. AWS event-stream messages), one flush per frame.</summary>
    public static GoldenReply Binary(string contentType, IEnumerable<byte[]> frames) => new(200, contentType, frames.ToList());

    /// <summary>This reply with one more response header.</summary>
    public GoldenReply WithHeader(string name, string value)
        => this with { Headers = new Dictionary<string, string>(Headers) { [name] = value } };

    /// <summary>Cuts <paramref name="text"/> after every <paramref name="separator"/>; the chunks put together are the text exactly.</summary>
    private static List<byte[]> Split(string text, string separator)
    {
        var chunks = new List<byte[]>();
        var start = 0;
        while (start < text.Length)
        {
            var end = text.IndexOf(separator, start, StringComparison.Ordinal);
            end = end < 0 ? text.Length : end + separator.Length;
            chunks.Add(Encoding.UTF8.GetBytes(text[start..end]));
            start = end;
        }

        return chunks;
    }
}
