namespace SharpClaw.Providers.Tests.Infrastructure;

/// <summary>A canned answer of <see cref="FakeProviderServer"/>: status, content type, body, extra headers.</summary>
internal sealed record FakeResponse(int Status, string ContentType, string Body)
{
    public IReadOnlyDictionary<string, string> Headers { get; init; } = new Dictionary<string, string>();

    /// <summary>Drop the connection after writing the body (a stream cut mid-way: no terminating chunk).</summary>
    public bool AbortAtEnd { get; init; }

    /// <summary>Keep the connection open (silent) this long after the body, to exercise idle timeouts.</summary>
    public TimeSpan? HoldOpen { get; init; }

    /// <summary>Server-sent events from a recorded golden stream (one flush per event).</summary>
    public static FakeResponse Sse(string testDataFile) => new(200, "text/event-stream", TestData.Read(testDataFile));

    /// <summary>Newline-delimited JSON from a recorded golden stream (one flush per line).</summary>
    public static FakeResponse Ndjson(string testDataFile) => new(200, "application/x-ndjson", TestData.Read(testDataFile));

    public static FakeResponse Json(int status, string testDataFile) => new(status, "application/json", TestData.Read(testDataFile));

    public static FakeResponse JsonText(int status, string body) => new(status, "application/json", body);
}
