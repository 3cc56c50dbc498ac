using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Data.Sqlite;
using SharpClaw.Core.State;

namespace SharpClaw.Gateway.Agents.Failover;

/// <summary>
/// Keeps auth-profile state in the gateway database, table <c>auth_profile_state</c> (profile id → usageStats JSON),
/// the same place OpenClaw 2026.9 keeps it (SQLite <c>auth_profile_state</c>). The table is created on first use
/// (<c>CREATE TABLE IF NOT EXISTS</c>) so this feature needs no slot in the shared migration list.
/// </summary>
public sealed class SqliteAuthProfileStateStore : IAuthProfileStateStore
{
    private const string CreateSql = """
        CREATE TABLE IF NOT EXISTS auth_profile_state (
            profile_id TEXT PRIMARY KEY,
            state_json TEXT NOT NULL,
            updated_at_ms INTEGER NOT NULL
        );
        """;

    private readonly string _connectionString;
    private readonly TimeProvider _time;

    public SqliteAuthProfileStateStore(StateDatabase db, TimeProvider time)
    {
        _connectionString = new SqliteConnectionStringBuilder { DataSource = db.Path, Mode = SqliteOpenMode.ReadWriteCreate, Pooling = true }.ToString();
        _time = time;
    }

    public IReadOnlyDictionary<string, AuthProfileState> LoadAll()
    {
        var result = new Dictionary<string, AuthProfileState>(StringComparer.OrdinalIgnoreCase);
        using var conn = Open();
        using var cmd = conn.CreateCommand();
        cmd.CommandText = "SELECT profile_id, state_json FROM auth_profile_state";
        using var reader = cmd.ExecuteReader();
        while (reader.Read())
        {
            try
            {
                if (JsonNode.Parse(reader.GetString(1)) is JsonObject json)
                {
                    result[reader.GetString(0)] = AuthProfileStateJson.FromJson(json);
                }
            }
            catch (JsonException)
            {
                // A damaged row only loses that provider's cooldown; the provider starts clean.
            }
        }

        return result;
    }

    public void Save(string profileId, AuthProfileState state)
    {
        using var conn = Open();
        using var cmd = conn.CreateCommand();
        cmd.CommandText = """
            INSERT INTO auth_profile_state (profile_id, state_json, updated_at_ms) VALUES ($id, $json, $t)
            ON CONFLICT(profile_id) DO UPDATE SET state_json = excluded.state_json, updated_at_ms = excluded.updated_at_ms
            """;
        cmd.Parameters.AddWithValue("$id", profileId);
        cmd.Parameters.AddWithValue("$json", AuthProfileStateJson.ToJson(state).ToJsonString());
        cmd.Parameters.AddWithValue("$t", _time.GetUtcNow().ToUnixTimeMilliseconds());
        cmd.ExecuteNonQuery();
    }

    /// <summary>
    /// Synchronous on purpose: Microsoft.Data.Sqlite's async methods complete synchronously anyway, writes happen only
    /// when a provider's health changes (never per successful turn), and the load runs once.
    /// </summary>
    private SqliteConnection Open()
    {
        var conn = new SqliteConnection(_connectionString);
        conn.Open();
        using var create = conn.CreateCommand();
        create.CommandText = "PRAGMA busy_timeout=5000;" + CreateSql;
        create.ExecuteNonQuery();
        return conn;
    }
}
