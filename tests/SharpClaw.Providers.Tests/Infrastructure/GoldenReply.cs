using System.Text;

namespace SharpClaw.Providers.Tests.Infrastructure;

/// <summary>One canned answer of <see cref="GoldenServer"/>: status, content type, body chunks (each flushed), headers.</summary>
internal sealed record GoldenReply(int Status, string ContentType, IReadOnlyList<byte[]> Chunks)
{
    public IReadOnlyDictionary<string, string> Headers { get; init; } = new Dictionary<string, string>();

    /// <summary>Drop the connection after the last chunk (a stream cut mid-way).</summary>
    public bool AbortAtEnd { get; init; }

    public static GoldenReply Json(int status, string body) => new(status, "application/json", [Encoding.UTF8.GetBytes(body)]);

    public static GoldenReply JsonFile(int status, string testDataFile) => Json(status, TestData.Read(testDataFile));

    /// <summary>A golden SSE file, one flush per event (events end with a blank line).</summary>
    public static GoldenReply SseFile(string testDataFile)
    {
        var events = TestData.Read(testDataFile).Split("\n\n", StringSplitOptions.RemoveEmptyEntries);
        return new(200, "text/event-stream", events.Select(e => Encoding.UTF8.GetBytes(e + "\n\n")).ToList());
    }

    /// <summary>Binary frames (e.g. AWS event-stream messages), one flush per frame.</summary>
    public static GoldenReply Binary(string contentType, IEnumerable<byte[]> frames) => new(200, contentType, frames.ToList());
}
