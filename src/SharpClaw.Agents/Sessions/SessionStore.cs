using System.Text.Json.Nodes;
using Microsoft.Data.Sqlite;
using SharpClaw.Core.State;

namespace SharpClaw.Agents.Sessions;

/// <summary>
/// Sessions and their transcripts in the state database. Every append is its own committed transaction
/// (WAL; see StateDatabase for durability), so an acknowledged message survives a kill -9 and a crash never leaves a torn row.
/// </summary>
public sealed class SessionStore(StateDatabase db, TimeProvider time)
{
    private readonly TranscriptCache _transcripts = new(64); // a personal gateway has few sessions active at once

    private long Now => time.GetUtcNow().ToUnixTimeMilliseconds();

    public async Task<SessionRecord?> GetAsync(string key, CancellationToken ct = default)
    {
        await using var conn = await db.OpenAsync(ct);
        return await GetAsync(conn, null, key, ct);
    }

    public async Task<IReadOnlyList<SessionRecord>> ListAsync(string? agentId = null, int limit = 500, int offset = 0, CancellationToken ct = default)
    {
        await using var conn = await db.OpenAsync(ct);
        await using var cmd = conn.CreateCommand();
        cmd.CommandText = agentId is null
            ? "SELECT * FROM sessions ORDER BY updated_at_ms DESC LIMIT $l OFFSET $o"
            : "SELECT * FROM sessions WHERE agent_id = $a ORDER BY updated_at_ms DESC LIMIT $l OFFSET $o";
        cmd.Parameters.AddWithValue("$a", (object?)agentId ?? DBNull.Value);
        cmd.Parameters.AddWithValue("$l", limit);
        cmd.Parameters.AddWithValue("$o", offset);
        await using var r = await cmd.ExecuteReaderAsync(ct);
        var list = new List<SessionRecord>();
        while (await r.ReadAsync(ct))
        {
            list.Add(Read(r));
        }

        return list;
    }

    /// <summary>Returns the session, creating it (row + transcript header) when missing.</summary>
    public async Task<SessionRecord> GetOrCreateAsync(string key, string agentId, string? cwd, CancellationToken ct = default)
    {
        if (await GetAsync(key, ct) is { } found)
        {
            return found;
        }

        using var writing = await db.Writes.EnterAsync(ct);
        await using var conn = await db.OpenAsync(ct);
        await using var tx = (SqliteTransaction)await conn.BeginTransactionAsync(ct);
        var existing = await GetAsync(conn, tx, key, ct);
        if (existing is not null)
        {
            await tx.CommitAsync(ct);
            return existing;
        }

        var now = Now;
        var sessionId = Guid.CreateVersion7().ToString();
        var entry = new JsonObject
        {
            ["sessionId"] = sessionId,
            ["updatedAt"] = now,
            ["sessionStartedAt"] = now,
            ["inputTokens"] = 0,
            ["outputTokens"] = 0,
            ["totalTokens"] = 0,
            ["compactionCount"] = 0,
        };
        await using (var cmd = conn.CreateCommand())
        {
            cmd.Transaction = tx;
            cmd.CommandText = "INSERT INTO sessions (session_key, agent_id, session_id, entry_json, created_at_ms, updated_at_ms) VALUES ($k, $a, $s, $e, $t, $t)";
            cmd.Parameters.AddWithValue("$k", key);
            cmd.Parameters.AddWithValue("$a", agentId);
            cmd.Parameters.AddWithValue("$s", sessionId);
            cmd.Parameters.AddWithValue("$e", entry.ToJsonString());
            cmd.Parameters.AddWithValue("$t", now);
            await cmd.ExecuteNonQueryAsync(ct);
        }

        await InsertEventAsync(conn, tx, sessionId, 1, TranscriptEvents.Header(sessionId, time.GetUtcNow(), cwd), now, ct);
        await tx.CommitAsync(ct);
        return new SessionRecord(key, agentId, sessionId, entry, now, now);
    }

    /// <summary>Read-modify-write of the session entry inside one transaction.</summary>
    public async Task<SessionRecord?> UpdateAsync(string key, Action<JsonObject> mutate, CancellationToken ct = default)
    {
        using var writing = await db.Writes.EnterAsync(ct);
        await using var conn = await db.OpenAsync(ct);
        await using var tx = (SqliteTransaction)await conn.BeginTransactionAsync(ct);
        var updated = await UpdateRowAsync(conn, tx, key, mutate, ct);
        if (updated is not null)
        {
            await tx.CommitAsync(ct);
        }

        return updated;
    }

    private async Task<SessionRecord?> UpdateRowAsync(SqliteConnection conn, SqliteTransaction tx, string key, Action<JsonObject> mutate, CancellationToken ct)
    {
        var existing = await GetAsync(conn, tx, key, ct);
        if (existing is null)
        {
            return null;
        }

        var entry = (JsonObject)existing.Entry.DeepClone();
        mutate(entry);
        var now = Now;
        entry["updatedAt"] = now;
        await using (var cmd = conn.CreateCommand())
        {
            cmd.Transaction = tx;
            cmd.CommandText = "UPDATE sessions SET entry_json = $e, updated_at_ms = $t, session_id = $s WHERE session_key = $k";
            cmd.Parameters.AddWithValue("$k", key);
            cmd.Parameters.AddWithValue("$e", entry.ToJsonString());
            cmd.Parameters.AddWithValue("$s", (string?)entry["sessionId"] ?? existing.SessionId);
            cmd.Parameters.AddWithValue("$t", now);
            await cmd.ExecuteNonQueryAsync(ct);
        }

        return existing with { Entry = entry, UpdatedAtMs = now, SessionId = (string?)entry["sessionId"] ?? existing.SessionId };
    }

    public Task<JsonObject> AppendAsync(string sessionId, JsonObject evt, CancellationToken ct = default) => AppendCoreAsync(sessionId, evt, null, null, ct);

    /// <summary>Appends a model reply and its usage row in one transaction (one commit per model call).</summary>
    public Task<JsonObject> AppendAsync(string sessionId, JsonObject evt, UsageRecord usage, CancellationToken ct = default) => AppendCoreAsync(sessionId, evt, usage, null, ct);

    /// <summary>
    /// Appends an event with its usage row and updates the session row (as <see cref="UpdateAsync"/> would) in the
    /// same commit: one transaction for a turn's final reply instead of two.
    /// </summary>
    public Task<JsonObject> AppendAsync(string sessionId, JsonObject evt, UsageRecord usage, string sessionKey, Action<JsonObject> updateSession, CancellationToken ct = default)
        => AppendCoreAsync(sessionId, evt, usage, (sessionKey, updateSession), ct);

    private async Task<JsonObject> AppendCoreAsync(string sessionId, JsonObject evt, UsageRecord? usage, (string Key, Action<JsonObject> Mutate)? sessionUpdate, CancellationToken ct)
    {
        using var writing = await db.Writes.EnterAsync(ct);
        await using var conn = await db.OpenAsync(ct);
        await using var tx = (SqliteTransaction)await conn.BeginTransactionAsync(ct);
        var (seq, parentId) = await NextSeqAsync(conn, tx, sessionId, ct);
        if ((string?)evt["type"] != "session" && evt.ContainsKey("parentId") && evt["parentId"] is null)
        {
            evt["parentId"] = parentId;
        }

        await InsertEventAsync(conn, tx, sessionId, seq, evt, Now, ct);
        if (usage is not null)
        {
            await InsertUsageAsync(conn, tx, usage, ct);
        }

        if (sessionUpdate is { } update)
        {
            await UpdateRowAsync(conn, tx, update.Key, update.Mutate, ct);
        }

        await tx.CommitAsync(ct);
        _transcripts.TryGet(sessionId)?.AppendCommitted(seq, evt);
        return evt;
    }

    /// <summary>
    /// The next sequence number and the id the new event's <c>parentId</c> points at (null after the header or
    /// when empty). The last row's seq comes from the primary-key index; its id from the transcript cache when the
    /// cache holds exactly that row, otherwise from the row itself.
    /// </summary>
    private async Task<(long Seq, string? ParentId)> NextSeqAsync(SqliteConnection conn, SqliteTransaction tx, string sessionId, CancellationToken ct)
    {
        long last;
        await using (var cmd = conn.CreateCommand())
        {
            cmd.Transaction = tx;
            cmd.CommandText = "SELECT seq FROM transcript_events WHERE session_id = $s ORDER BY seq DESC LIMIT 1";
            cmd.Parameters.AddWithValue("$s", sessionId);
            if (await cmd.ExecuteScalarAsync(ct) is not long found)
            {
                return (1, null);
            }

            last = found;
        }

        if (_transcripts.TryGet(sessionId)?.LastEventIf(last) is { } cachedLast && cachedLast["id"] is JsonValue id && id.TryGetValue<string>(out var cachedId))
        {
            return (last + 1, (string?)cachedLast["type"] is null or "session" ? null : cachedId);
        }

        await using (var cmd = conn.CreateCommand())
        {
            cmd.Transaction = tx;
            cmd.CommandText = "SELECT json_extract(event_json, '$.type'), json_extract(event_json, '$.id') FROM transcript_events WHERE session_id = $s AND seq = $q";
            cmd.Parameters.AddWithValue("$s", sessionId);
            cmd.Parameters.AddWithValue("$q", last);
            await using var r = await cmd.ExecuteReaderAsync(ct);
            var parentId = await r.ReadAsync(ct) && !r.IsDBNull(0) && r.GetString(0) != "session" && !r.IsDBNull(1) ? r.GetString(1) : null;
            return (last + 1, parentId);
        }
    }

    /// <summary>
    /// The session's transcript events in order. Served from a cache of parsed events topped up with any rows
    /// committed since (by this or another process); the returned objects are shared and must not be mutated
    /// (deep-clone what you change).
    /// </summary>
    public async Task<IReadOnlyList<JsonObject>> ReadEventsAsync(string sessionId, CancellationToken ct = default)
        => (await ReadTranscriptAsync(sessionId, ct)).Events;

    /// <summary>As <see cref="ReadEventsAsync"/>, with the running size of the active (post-compaction) messages.</summary>
    public async Task<TranscriptSnapshot> ReadTranscriptAsync(string sessionId, CancellationToken ct = default)
    {
        var cached = _transcripts.GetOrAdd(sessionId);
        long after;
        lock (cached.Gate)
        {
            after = cached.LastSeq;
        }

        await using var conn = await db.OpenAsync(ct);
        await using var cmd = conn.CreateCommand();
        cmd.CommandText = "SELECT seq, event_json FROM transcript_events WHERE session_id = $s AND seq > $after ORDER BY seq";
        cmd.Parameters.AddWithValue("$s", sessionId);
        cmd.Parameters.AddWithValue("$after", after);
        await using var r = await cmd.ExecuteReaderAsync(ct);
        var fresh = new List<(long Seq, JsonObject Event)>();
        while (await r.ReadAsync(ct))
        {
            if (JsonNode.Parse(r.GetString(1)) is JsonObject o)
            {
                fresh.Add((r.GetInt64(0), o));
            }
        }

        lock (cached.Gate)
        {
            foreach (var (seq, evt) in fresh)
            {
                if (seq > cached.LastSeq)
                {
                    cached.Add(seq, evt);
                }
            }

            return new TranscriptSnapshot([.. cached.Events], cached.ActiveMessageChars) { Source = cached };
        }
    }

    /// <summary>Writes the transcript as OpenClaw-style JSONL (header first, one event per line).</summary>
    public async Task ExportJsonlAsync(string sessionId, TextWriter writer, CancellationToken ct = default)
    {
        foreach (var evt in await ReadEventsAsync(sessionId, ct))
        {
            await writer.WriteLineAsync(evt.ToJsonString().AsMemory(), ct);
        }
    }

    public async Task<bool> DeleteAsync(string key, bool deleteTranscript, CancellationToken ct = default)
    {
        using var writing = await db.Writes.EnterAsync(ct);
        await using var conn = await db.OpenAsync(ct);
        await using var tx = (SqliteTransaction)await conn.BeginTransactionAsync(ct);
        var existing = await GetAsync(conn, tx, key, ct);
        if (existing is null)
        {
            return false;
        }

        await using (var cmd = conn.CreateCommand())
        {
            cmd.Transaction = tx;
            cmd.CommandText = deleteTranscript
                ? "DELETE FROM sessions WHERE session_key = $k; DELETE FROM transcript_events WHERE session_id = $s;"
                : "DELETE FROM sessions WHERE session_key = $k;";
            cmd.Parameters.AddWithValue("$k", key);
            cmd.Parameters.AddWithValue("$s", existing.SessionId);
            await cmd.ExecuteNonQueryAsync(ct);
        }

        await tx.CommitAsync(ct);
        if (deleteTranscript)
        {
            _transcripts.Remove(existing.SessionId);
        }

        return true;
    }

    public async Task RecordUsageAsync(UsageRecord usage, CancellationToken ct = default)
    {
        using var writing = await db.Writes.EnterAsync(ct);
        await using var conn = await db.OpenAsync(ct);
        await InsertUsageAsync(conn, null, usage, ct);
    }

    private static async Task InsertUsageAsync(SqliteConnection conn, SqliteTransaction? tx, UsageRecord usage, CancellationToken ct)
    {
        await using var cmd = conn.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = """
            INSERT INTO usage_log (session_key, agent_id, run_id, provider, model, input_tokens, output_tokens, cache_read_tokens, cache_write_tokens, cost_usd, ts_ms)
            VALUES ($k, $a, $r, $p, $m, $i, $o, $cr, $cw, $c, $t)
            """;
        cmd.Parameters.AddWithValue("$k", usage.SessionKey);
        cmd.Parameters.AddWithValue("$a", usage.AgentId);
        cmd.Parameters.AddWithValue("$r", (object?)usage.RunId ?? DBNull.Value);
        cmd.Parameters.AddWithValue("$p", (object?)usage.Provider ?? DBNull.Value);
        cmd.Parameters.AddWithValue("$m", (object?)usage.Model ?? DBNull.Value);
        cmd.Parameters.AddWithValue("$i", usage.Input);
        cmd.Parameters.AddWithValue("$o", usage.Output);
        cmd.Parameters.AddWithValue("$cr", usage.CacheRead);
        cmd.Parameters.AddWithValue("$cw", usage.CacheWrite);
        cmd.Parameters.AddWithValue("$c", (double)usage.CostUsd);
        cmd.Parameters.AddWithValue("$t", usage.TimestampMs);
        await cmd.ExecuteNonQueryAsync(ct);
    }

    public async Task<IReadOnlyList<UsageRecord>> ReadUsageAsync(long sinceMs, string? sessionKey = null, int limit = 10_000, CancellationToken ct = default)
    {
        await using var conn = await db.OpenAsync(ct);
        await using var cmd = conn.CreateCommand();
        cmd.CommandText = sessionKey is null
            ? "SELECT * FROM usage_log WHERE ts_ms >= $t ORDER BY ts_ms DESC LIMIT $l"
            : "SELECT * FROM usage_log WHERE ts_ms >= $t AND session_key = $k ORDER BY ts_ms DESC LIMIT $l";
        cmd.Parameters.AddWithValue("$t", sinceMs);
        cmd.Parameters.AddWithValue("$k", (object?)sessionKey ?? DBNull.Value);
        cmd.Parameters.AddWithValue("$l", limit);
        await using var r = await cmd.ExecuteReaderAsync(ct);
        var list = new List<UsageRecord>();
        while (await r.ReadAsync(ct))
        {
            list.Add(new UsageRecord(
                r.GetString(r.GetOrdinal("session_key")),
                r.GetString(r.GetOrdinal("agent_id")),
                r.IsDBNull(r.GetOrdinal("run_id")) ? null : r.GetString(r.GetOrdinal("run_id")),
                r.IsDBNull(r.GetOrdinal("provider")) ? null : r.GetString(r.GetOrdinal("provider")),
                r.IsDBNull(r.GetOrdinal("model")) ? null : r.GetString(r.GetOrdinal("model")),
                r.GetInt64(r.GetOrdinal("input_tokens")),
                r.GetInt64(r.GetOrdinal("output_tokens")),
                r.GetInt64(r.GetOrdinal("cache_read_tokens")),
                r.GetInt64(r.GetOrdinal("cache_write_tokens")),
                (decimal)r.GetDouble(r.GetOrdinal("cost_usd")),
                r.GetInt64(r.GetOrdinal("ts_ms"))));
        }

        return list;
    }

    private static async Task InsertEventAsync(SqliteConnection conn, SqliteTransaction tx, string sessionId, long seq, JsonObject evt, long now, CancellationToken ct)
    {
        await using var cmd = conn.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = "INSERT INTO transcript_events (session_id, seq, event_json, created_at_ms) VALUES ($s, $q, $e, $t)";
        cmd.Parameters.AddWithValue("$s", sessionId);
        cmd.Parameters.AddWithValue("$q", seq);
        cmd.Parameters.AddWithValue("$e", evt.ToJsonString());
        cmd.Parameters.AddWithValue("$t", now);
        await cmd.ExecuteNonQueryAsync(ct);
    }

    private static async Task<SessionRecord?> GetAsync(SqliteConnection conn, SqliteTransaction? tx, string key, CancellationToken ct)
    {
        await using var cmd = conn.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = "SELECT * FROM sessions WHERE session_key = $k";
        cmd.Parameters.AddWithValue("$k", key);
        await using var r = await cmd.ExecuteReaderAsync(ct);
        return await r.ReadAsync(ct) ? Read(r) : null;
    }

    private static SessionRecord Read(SqliteDataReader r) => new(
        r.GetString(r.GetOrdinal("session_key")),
        r.GetString(r.GetOrdinal("agent_id")),
        r.GetString(r.GetOrdinal("session_id")),
        JsonNode.Parse(r.GetString(r.GetOrdinal("entry_json"))) as JsonObject ?? [],
        r.GetInt64(r.GetOrdinal("created_at_ms")),
        r.GetInt64(r.GetOrdinal("updated_at_ms")));
}
