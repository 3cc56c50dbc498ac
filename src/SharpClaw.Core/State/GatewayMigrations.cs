namespace SharpClaw.Core.State;

/// <summary>The gateway database schema history. Append new steps; never edit applied ones.</summary>
public static class GatewayMigrations
{
    public static readonly IReadOnlyList<Migration> All =
    [
        new(1, "devices-and-pairing", """
            CREATE TABLE devices (
                device_id TEXT PRIMARY KEY,
                public_key TEXT NOT NULL,
                display_name TEXT,
                platform TEXT,
                device_family TEXT,
                client_id TEXT,
                client_mode TEXT,
                roles TEXT NOT NULL,
                scopes TEXT NOT NULL,
                remote_ip TEXT,
                created_at_ms INTEGER NOT NULL,
                approved_at_ms INTEGER NOT NULL,
                last_seen_at_ms INTEGER
            );
            CREATE TABLE device_tokens (
                device_id TEXT NOT NULL REFERENCES devices(device_id) ON DELETE CASCADE,
                role TEXT NOT NULL,
                token TEXT NOT NULL,
                scopes TEXT NOT NULL,
                created_at_ms INTEGER NOT NULL,
                rotated_at_ms INTEGER,
                revoked_at_ms INTEGER,
                last_used_at_ms INTEGER,
                PRIMARY KEY (device_id, role)
            );
            CREATE TABLE pairing_requests (
                request_id TEXT PRIMARY KEY,
                device_id TEXT NOT NULL,
                public_key TEXT NOT NULL,
                display_name TEXT,
                platform TEXT,
                device_family TEXT,
                client_id TEXT,
                client_mode TEXT,
                role TEXT NOT NULL,
                scopes TEXT NOT NULL,
                remote_ip TEXT,
                reason TEXT NOT NULL,
                is_repair INTEGER NOT NULL DEFAULT 0,
                created_at_ms INTEGER NOT NULL
            );
            CREATE INDEX pairing_requests_device ON pairing_requests(device_id);
            """),
        new(2, "sessions-and-transcripts", """
            CREATE TABLE sessions (
                session_key TEXT PRIMARY KEY,
                agent_id TEXT NOT NULL,
                session_id TEXT NOT NULL,
                entry_json TEXT NOT NULL,
                created_at_ms INTEGER NOT NULL,
                updated_at_ms INTEGER NOT NULL
            );
            CREATE INDEX sessions_agent_updated ON sessions(agent_id, updated_at_ms);
            CREATE TABLE transcript_events (
                session_id TEXT NOT NULL,
                seq INTEGER NOT NULL,
                event_json TEXT NOT NULL,
                created_at_ms INTEGER NOT NULL,
                PRIMARY KEY (session_id, seq)
            );
            CREATE TABLE usage_log (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                session_key TEXT NOT NULL,
                agent_id TEXT NOT NULL,
                run_id TEXT,
                provider TEXT,
                model TEXT,
                input_tokens INTEGER NOT NULL,
                output_tokens INTEGER NOT NULL,
                cache_read_tokens INTEGER NOT NULL,
                cache_write_tokens INTEGER NOT NULL,
                cost_usd REAL NOT NULL,
                ts_ms INTEGER NOT NULL
            );
            CREATE INDEX usage_log_ts ON usage_log(ts_ms);
            CREATE INDEX usage_log_session ON usage_log(session_key, ts_ms);
            """),
        new(3, "auth_profile_state", """
            CREATE TABLE IF NOT EXISTS auth_profile_state (
                profile_id TEXT PRIMARY KEY,
                state_json TEXT NOT NULL,
                updated_at_ms INTEGER NOT NULL
            );
            """),
    ];
}
