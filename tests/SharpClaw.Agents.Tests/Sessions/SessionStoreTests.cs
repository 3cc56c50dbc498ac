using System.Text.Json.Nodes;
using Microsoft.Extensions.Time.Testing;
using SharpClaw.Agents.Sessions;
using SharpClaw.Core.State;

namespace SharpClaw.Agents.Tests.Sessions;

public sealed class SessionStoreTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("sharpclaw-sessions-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private async Task<SessionStore> StoreAsync(TimeProvider time)
    {
        var db = new StateDatabase(Path.Combine(_dir, "s.db"));
        await db.InitializeAsync(GatewayMigrations.All, time, TestContext.Current.CancellationToken);
        return new SessionStore(db, time);
    }

    [Fact]
    public async Task Create_WritesHeader_AndAppendsLinkEntries()
    {
        var ct = TestContext.Current.CancellationToken;
        var time = new FakeTimeProvider(DateTimeOffset.Parse("2026-11-24T12:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
        var store = await StoreAsync(time);
        var s = await store.GetOrCreateAsync("agent:main:main", "main", "/w", ct);
        var again = await store.GetOrCreateAsync("agent:main:main", "main", "/w", ct);
        Assert.Equal(s.SessionId, again.SessionId);
        var first = await store.AppendAsync(s.SessionId, TranscriptEvents.Message(new JsonObject { ["role"] = "user", ["content"] = "hi" }, time.GetUtcNow()), ct);
        var second = await store.AppendAsync(s.SessionId, TranscriptEvents.Message(new JsonObject { ["role"] = "assistant", ["content"] = new JsonArray() }, time.GetUtcNow()), ct);
        Assert.Null(first["parentId"]);
        Assert.Equal((string)first["id"]!, (string)second["parentId"]!);
        var events = await store.ReadEventsAsync(s.SessionId, ct);
        Assert.Equal(["session", "message", "message"], events.Select(e => (string)e["type"]!));
        Assert.Equal(4, (int)events[0]["version"]!);
        Assert.Equal("2026-11-24T12:00:00.000Z", (string)events[1]["timestamp"]!);

        using var writer = new StringWriter();
        await store.ExportJsonlAsync(s.SessionId, writer, ct);
        var lines = writer.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(3, lines.Length);
        Assert.All(lines, l => Assert.NotNull(JsonNode.Parse(l)));
    }

    [Fact]
    public async Task Update_PreservesUnknownFields_AndDeleteRemovesTranscript()
    {
        var ct = TestContext.Current.CancellationToken;
        var store = await StoreAsync(TimeProvider.System);
        var s = await store.GetOrCreateAsync("agent:main:x", "main", null, ct);
        await store.UpdateAsync(s.Key, e => e["futureField"] = new JsonObject { ["a"] = 1 }, ct);
        await store.UpdateAsync(s.Key, e => e["label"] = "L", ct);
        var row = await store.GetAsync(s.Key, ct);
        Assert.Equal(1, (int)row!.Entry["futureField"]!["a"]!);
        Assert.Equal("L", row.Label);
        Assert.True(await store.DeleteAsync(s.Key, deleteTranscript: true, ct));
        Assert.Null(await store.GetAsync(s.Key, ct));
        Assert.Empty(await store.ReadEventsAsync(s.SessionId, ct));
    }

    [Fact]
    public async Task Usage_IsLoggedAndQueried()
    {
        var ct = TestContext.Current.CancellationToken;
        var time = new FakeTimeProvider(DateTimeOffset.Parse("2026-11-24T12:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
        var store = await StoreAsync(time);
        await store.RecordUsageAsync(new UsageRecord("agent:main:main", "main", "r1", "openai", "gpt", 100, 10, 5, 0, 0.01m, time.GetUtcNow().ToUnixTimeMilliseconds()), ct);
        var rows = await store.ReadUsageAsync(0, "agent:main:main", 10, ct);
        var row = Assert.Single(rows);
        Assert.Equal(100, row.Input);
        Assert.Equal(0.01m, row.CostUsd);
    }

    [Fact]
    public async Task ReadEvents_PicksUpRowsWrittenByAnotherStore_AndAppendsWithUsageInOneCommit()
    {
        var ct = TestContext.Current.CancellationToken;
        var mine = await StoreAsync(TimeProvider.System);
        var other = await StoreAsync(TimeProvider.System); // another process on the same database
        var s = await mine.GetOrCreateAsync("agent:main:cache", "main", null, ct);
        Assert.Single(await mine.ReadEventsAsync(s.SessionId, ct)); // header cached
        var first = await other.AppendAsync(s.SessionId, TranscriptEvents.Message(new JsonObject { ["role"] = "user", ["content"] = "from elsewhere" }, DateTimeOffset.UtcNow), ct);
        var usage = new UsageRecord(s.Key, "main", "run-1", "openai", "gpt-x", 10, 5, 2, 1, 0.5m, 1);
        var reply = await mine.AppendAsync(s.SessionId, TranscriptEvents.Message(new JsonObject { ["role"] = "assistant", ["content"] = "ok" }, DateTimeOffset.UtcNow), usage, ct);
        Assert.Equal((string)first["id"]!, (string)reply["parentId"]!);

        var events = await mine.ReadEventsAsync(s.SessionId, ct);
        Assert.Equal(["session", "message", "message"], events.Select(e => (string)e["type"]!));
        Assert.Equal("from elsewhere", (string)events[1]["message"]!["content"]!);
        var logged = Assert.Single(await mine.ReadUsageAsync(0, s.Key, ct: ct));
        Assert.Equal(("run-1", 10L, 5L, 2L, 1L), (logged.RunId, logged.Input, logged.Output, logged.CacheRead, logged.CacheWrite));
    }

    [Fact]
    public async Task CachedSession_LinksParents_AndKeepsTheActiveMessageSizeAcrossCompactions()
    {
        var ct = TestContext.Current.CancellationToken;
        var mine = await StoreAsync(TimeProvider.System);
        var other = await StoreAsync(TimeProvider.System); // another process on the same database
        var s = await mine.GetOrCreateAsync("agent:main:totals", "main", null, ct);
        Assert.Equal(0, (await mine.ReadTranscriptAsync(s.SessionId, ct)).ActiveMessageChars); // header only, now cached
        var m1 = await mine.AppendAsync(s.SessionId, TranscriptEvents.Message(new JsonObject { ["role"] = "user", ["content"] = "first" }, DateTimeOffset.UtcNow), ct);
        Assert.Null(m1["parentId"]); // the header is never a parent, also when answered from the cache
        var m2 = await mine.AppendAsync(s.SessionId, TranscriptEvents.Message(new JsonObject { ["role"] = "assistant", ["content"] = "second" }, DateTimeOffset.UtcNow), ct);
        Assert.Equal((string)m1["id"]!, (string)m2["parentId"]!);
        var snapshot = await mine.ReadTranscriptAsync(s.SessionId, ct);
        Assert.Equal(Size(m1) + Size(m2), snapshot.ActiveMessageChars);

        var compaction = await other.AppendAsync(s.SessionId, TranscriptEvents.Compaction("sum", (string)m2["id"]!, 10, 5, DateTimeOffset.UtcNow), ct);
        var m3 = await mine.AppendAsync(s.SessionId, TranscriptEvents.Message(new JsonObject { ["role"] = "user", ["content"] = "third" }, DateTimeOffset.UtcNow), ct);
        Assert.Equal((string)compaction["id"]!, (string)m3["parentId"]!); // the cache was behind: read from the row
        snapshot = await mine.ReadTranscriptAsync(s.SessionId, ct);
        Assert.Equal(["session", "message", "message", "compaction", "message"], snapshot.Events.Select(e => (string)e["type"]!));
        Assert.Equal(Size(m3), snapshot.ActiveMessageChars);

        static long Size(JsonObject e) => e["message"]!.ToJsonString().Length;
    }

    [Theory]
    [InlineData(false, 1)]
    [InlineData(true, 2)]
    public async Task Connections_UseTheConfiguredSyncMode(bool fsyncEveryCommit, long expected)
    {
        var ct = TestContext.Current.CancellationToken;
        var db = new StateDatabase(Path.Combine(_dir, $"sync-{fsyncEveryCommit}.db"), fsyncEveryCommit);
        await db.InitializeAsync(GatewayMigrations.All, TimeProvider.System, ct);
        await using var conn = await db.OpenAsync(ct);
        await using var cmd = conn.CreateCommand();
        cmd.CommandText = "PRAGMA synchronous";
        Assert.Equal(expected, (long)(await cmd.ExecuteScalarAsync(ct))!); // 1 = NORMAL, 2 = FULL
        cmd.CommandText = "PRAGMA journal_mode";
        Assert.Equal("wal", (string)(await cmd.ExecuteScalarAsync(ct))!);
    }
}
