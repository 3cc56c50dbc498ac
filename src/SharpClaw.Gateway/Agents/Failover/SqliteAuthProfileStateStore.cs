using System.Text.Json;
using System.Text.Json.Nodes;
using SharpClaw.Core.State;

namespace SharpClaw.Gateway.Agents.Failover;

/// <summary>
/// Keeps auth-profile state in the gateway database, table <c>auth_profile_state</c> (profile id → usageStats JSON),
/// the same place OpenClaw 2026.9 keeps it (SQLite <c>auth_profile_state</c>, migration 3). Synchronous on purpose:
/// writes happen only when a provider's health changes (never per successful turn) under the health lock, and the
/// load runs once. Writes take the database's write gate like every other writer.
/// </summary>
public sealed class SqliteAuthProfileStateStore : IAuthProfileStateStore
{
    private readonly StateDatabase _db;
    private readonly TimeProvider _time;

    public SqliteAuthProfileStateStore(StateDatabase db, TimeProvider time)
    {
        _db = db;
        _time = time;
    }

    public IReadOnlyDictionary<string, AuthProfileState> LoadAll()
    {
        var result = new Dictionary<string, AuthProfileState>(StringComparer.OrdinalIgnoreCase);
        using var conn = _db.Open();
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
        using var writing = _db.Writes.Enter();
        using var conn = _db.Open();
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
}
