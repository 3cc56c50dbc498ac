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
    ];
}
