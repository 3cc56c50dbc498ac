using Microsoft.Data.Sqlite;
using SharpClaw.Core.State;

namespace SharpClaw.Core.Pairing;

/// <summary>Paired devices, their tokens and pending pairing requests, persisted in the state database.</summary>
public sealed class DeviceStore(StateDatabase db, TimeProvider time)
{
    private long Now => time.GetUtcNow().ToUnixTimeMilliseconds();

    public async Task<PairedDevice?> GetDeviceAsync(string deviceId, CancellationToken ct = default)
    {
        await using var conn = await db.OpenAsync(ct);
        await using var cmd = conn.CreateCommand();
        cmd.CommandText = "SELECT * FROM devices WHERE device_id = $id";
        cmd.Parameters.AddWithValue("$id", deviceId);
        await using var r = await cmd.ExecuteReaderAsync(ct);
        return await r.ReadAsync(ct) ? ReadDevice(r) : null;
    }

    public async Task<IReadOnlyList<PairedDevice>> ListDevicesAsync(CancellationToken ct = default)
    {
        await using var conn = await db.OpenAsync(ct);
        await using var cmd = conn.CreateCommand();
        cmd.CommandText = "SELECT * FROM devices ORDER BY approved_at_ms";
        await using var r = await cmd.ExecuteReaderAsync(ct);
        var list = new List<PairedDevice>();
        while (await r.ReadAsync(ct))
        {
            list.Add(ReadDevice(r));
        }

        return list;
    }

    /// <summary>Inserts or widens a device record (roles and scopes are unioned with the existing baseline).</summary>
    public async Task<PairedDevice> ApproveAsync(PairingRequest request, CancellationToken ct = default)
    {
        var existing = await GetDeviceAsync(request.DeviceId, ct);
        var roles = (existing?.Roles ?? []).Union([request.Role]).ToArray();
        var scopes = (existing?.Scopes ?? []).Union(request.Scopes).ToArray();
        var now = Now;
        var device = new PairedDevice
        {
            DeviceId = request.DeviceId,
            PublicKey = request.PublicKey,
            DisplayName = request.DisplayName ?? existing?.DisplayName,
            Platform = request.Platform,
            DeviceFamily = request.DeviceFamily,
            ClientId = request.ClientId,
            ClientMode = request.ClientMode,
            Roles = roles,
            Scopes = scopes,
            RemoteIp = request.RemoteIp,
            CreatedAtMs = existing?.CreatedAtMs ?? now,
            ApprovedAtMs = now,
            LastSeenAtMs = existing?.LastSeenAtMs,
        };
        await using var conn = await db.OpenAsync(ct);
        await using var tx = (SqliteTransaction)await conn.BeginTransactionAsync(ct);
        await using (var cmd = conn.CreateCommand())
        {
            cmd.Transaction = tx;
            cmd.CommandText = """
                INSERT INTO devices (device_id, public_key, display_name, platform, device_family, client_id, client_mode, roles, scopes, remote_ip, created_at_ms, approved_at_ms, last_seen_at_ms)
                VALUES ($id, $pk, $dn, $pl, $df, $ci, $cm, $roles, $scopes, $ip, $created, $approved, $seen)
                ON CONFLICT(device_id) DO UPDATE SET public_key=$pk, display_name=$dn, platform=$pl, device_family=$df, client_id=$ci, client_mode=$cm,
                    roles=$roles, scopes=$scopes, remote_ip=$ip, approved_at_ms=$approved
                """;
            cmd.Parameters.AddWithValue("$id", device.DeviceId);
            cmd.Parameters.AddWithValue("$pk", device.PublicKey);
            cmd.Parameters.AddWithValue("$dn", (object?)device.DisplayName ?? DBNull.Value);
            cmd.Parameters.AddWithValue("$pl", (object?)device.Platform ?? DBNull.Value);
            cmd.Parameters.AddWithValue("$df", (object?)device.DeviceFamily ?? DBNull.Value);
            cmd.Parameters.AddWithValue("$ci", (object?)device.ClientId ?? DBNull.Value);
            cmd.Parameters.AddWithValue("$cm", (object?)device.ClientMode ?? DBNull.Value);
            cmd.Parameters.AddWithValue("$roles", StringListCodec.Encode(device.Roles));
            cmd.Parameters.AddWithValue("$scopes", StringListCodec.Encode(device.Scopes));
            cmd.Parameters.AddWithValue("$ip", (object?)device.RemoteIp ?? DBNull.Value);
            cmd.Parameters.AddWithValue("$created", device.CreatedAtMs);
            cmd.Parameters.AddWithValue("$approved", device.ApprovedAtMs);
            cmd.Parameters.AddWithValue("$seen", (object?)device.LastSeenAtMs ?? DBNull.Value);
            await cmd.ExecuteNonQueryAsync(ct);
        }

        await using (var cmd = conn.CreateCommand())
        {
            cmd.Transaction = tx;
            cmd.CommandText = "DELETE FROM pairing_requests WHERE device_id = $id";
            cmd.Parameters.AddWithValue("$id", device.DeviceId);
            await cmd.ExecuteNonQueryAsync(ct);
        }

        await tx.CommitAsync(ct);
        return device;
    }

    public async Task<bool> RemoveDeviceAsync(string deviceId, CancellationToken ct = default)
    {
        await using var conn = await db.OpenAsync(ct);
        await using var cmd = conn.CreateCommand();
        cmd.CommandText = "DELETE FROM device_tokens WHERE device_id = $id; DELETE FROM pairing_requests WHERE device_id = $id; DELETE FROM devices WHERE device_id = $id;";
        cmd.Parameters.AddWithValue("$id", deviceId);
        return await cmd.ExecuteNonQueryAsync(ct) > 0;
    }

    public async Task TouchAsync(string deviceId, CancellationToken ct = default)
    {
        await using var conn = await db.OpenAsync(ct);
        await using var cmd = conn.CreateCommand();
        cmd.CommandText = "UPDATE devices SET last_seen_at_ms = $t WHERE device_id = $id";
        cmd.Parameters.AddWithValue("$id", deviceId);
        cmd.Parameters.AddWithValue("$t", Now);
        await cmd.ExecuteNonQueryAsync(ct);
    }

    public async Task<DeviceToken?> GetTokenAsync(string deviceId, string role, CancellationToken ct = default)
    {
        await using var conn = await db.OpenAsync(ct);
        await using var cmd = conn.CreateCommand();
        cmd.CommandText = "SELECT * FROM device_tokens WHERE device_id = $id AND role = $role";
        cmd.Parameters.AddWithValue("$id", deviceId);
        cmd.Parameters.AddWithValue("$role", role);
        await using var r = await cmd.ExecuteReaderAsync(ct);
        return await r.ReadAsync(ct) ? ReadToken(r) : null;
    }

    public async Task<IReadOnlyList<DeviceToken>> ListTokensAsync(string deviceId, CancellationToken ct = default)
    {
        await using var conn = await db.OpenAsync(ct);
        await using var cmd = conn.CreateCommand();
        cmd.CommandText = "SELECT * FROM device_tokens WHERE device_id = $id";
        cmd.Parameters.AddWithValue("$id", deviceId);
        await using var r = await cmd.ExecuteReaderAsync(ct);
        var list = new List<DeviceToken>();
        while (await r.ReadAsync(ct))
        {
            list.Add(ReadToken(r));
        }

        return list;
    }

    /// <summary>Stores (replacing) the token of a device+role.</summary>
    public async Task<DeviceToken> PutTokenAsync(string deviceId, string role, string token, IReadOnlyList<string> scopes, bool rotated, CancellationToken ct = default)
    {
        var now = Now;
        await using var conn = await db.OpenAsync(ct);
        await using var cmd = conn.CreateCommand();
        cmd.CommandText = """
            INSERT INTO device_tokens (device_id, role, token, scopes, created_at_ms, rotated_at_ms, revoked_at_ms, last_used_at_ms)
            VALUES ($id, $role, $token, $scopes, $now, $rot, NULL, NULL)
            ON CONFLICT(device_id, role) DO UPDATE SET token=$token, scopes=$scopes, rotated_at_ms=$rot, revoked_at_ms=NULL
            """;
        cmd.Parameters.AddWithValue("$id", deviceId);
        cmd.Parameters.AddWithValue("$role", role);
        cmd.Parameters.AddWithValue("$token", token);
        cmd.Parameters.AddWithValue("$scopes", StringListCodec.Encode(scopes));
        cmd.Parameters.AddWithValue("$now", now);
        cmd.Parameters.AddWithValue("$rot", rotated ? now : DBNull.Value);
        await cmd.ExecuteNonQueryAsync(ct);
        return new DeviceToken { DeviceId = deviceId, Role = role, Token = token, Scopes = scopes, CreatedAtMs = now, RotatedAtMs = rotated ? now : null };
    }

    public async Task<bool> RevokeTokenAsync(string deviceId, string role, CancellationToken ct = default)
    {
        await using var conn = await db.OpenAsync(ct);
        await using var cmd = conn.CreateCommand();
        cmd.CommandText = "UPDATE device_tokens SET revoked_at_ms = $t WHERE device_id = $id AND role = $role AND revoked_at_ms IS NULL";
        cmd.Parameters.AddWithValue("$id", deviceId);
        cmd.Parameters.AddWithValue("$role", role);
        cmd.Parameters.AddWithValue("$t", Now);
        return await cmd.ExecuteNonQueryAsync(ct) > 0;
    }

    public async Task MarkTokenUsedAsync(string deviceId, string role, CancellationToken ct = default)
    {
        await using var conn = await db.OpenAsync(ct);
        await using var cmd = conn.CreateCommand();
        cmd.CommandText = "UPDATE device_tokens SET last_used_at_ms = $t WHERE device_id = $id AND role = $role";
        cmd.Parameters.AddWithValue("$id", deviceId);
        cmd.Parameters.AddWithValue("$role", role);
        cmd.Parameters.AddWithValue("$t", Now);
        await cmd.ExecuteNonQueryAsync(ct);
    }

    /// <summary>Creates a pending request, reusing an existing one for the same device, role and scopes.</summary>
    public async Task<(PairingRequest Request, bool Created)> AddRequestAsync(PairingRequest request, CancellationToken ct = default)
    {
        foreach (var existing in await ListRequestsAsync(ct))
        {
            if (existing.DeviceId == request.DeviceId && existing.Role == request.Role && existing.Scopes.SequenceEqual(request.Scopes) && existing.PublicKey == request.PublicKey)
            {
                return (existing, false);
            }
        }

        await using var conn = await db.OpenAsync(ct);
        await using var cmd = conn.CreateCommand();
        cmd.CommandText = """
            INSERT INTO pairing_requests (request_id, device_id, public_key, display_name, platform, device_family, client_id, client_mode, role, scopes, remote_ip, reason, is_repair, created_at_ms)
            VALUES ($rid, $id, $pk, $dn, $pl, $df, $ci, $cm, $role, $scopes, $ip, $reason, $repair, $t)
            """;
        cmd.Parameters.AddWithValue("$rid", request.RequestId);
        cmd.Parameters.AddWithValue("$id", request.DeviceId);
        cmd.Parameters.AddWithValue("$pk", request.PublicKey);
        cmd.Parameters.AddWithValue("$dn", (object?)request.DisplayName ?? DBNull.Value);
        cmd.Parameters.AddWithValue("$pl", (object?)request.Platform ?? DBNull.Value);
        cmd.Parameters.AddWithValue("$df", (object?)request.DeviceFamily ?? DBNull.Value);
        cmd.Parameters.AddWithValue("$ci", (object?)request.ClientId ?? DBNull.Value);
        cmd.Parameters.AddWithValue("$cm", (object?)request.ClientMode ?? DBNull.Value);
        cmd.Parameters.AddWithValue("$role", request.Role);
        cmd.Parameters.AddWithValue("$scopes", StringListCodec.Encode(request.Scopes));
        cmd.Parameters.AddWithValue("$ip", (object?)request.RemoteIp ?? DBNull.Value);
        cmd.Parameters.AddWithValue("$reason", request.Reason);
        cmd.Parameters.AddWithValue("$repair", request.IsRepair ? 1 : 0);
        cmd.Parameters.AddWithValue("$t", request.CreatedAtMs);
        await cmd.ExecuteNonQueryAsync(ct);
        return (request, true);
    }

    public async Task<IReadOnlyList<PairingRequest>> ListRequestsAsync(CancellationToken ct = default)
    {
        await using var conn = await db.OpenAsync(ct);
        await using var cmd = conn.CreateCommand();
        cmd.CommandText = "SELECT * FROM pairing_requests ORDER BY created_at_ms";
        await using var r = await cmd.ExecuteReaderAsync(ct);
        var list = new List<PairingRequest>();
        while (await r.ReadAsync(ct))
        {
            list.Add(ReadRequest(r));
        }

        return list;
    }

    public async Task<PairingRequest?> GetRequestAsync(string requestId, CancellationToken ct = default)
        => (await ListRequestsAsync(ct)).FirstOrDefault(r => r.RequestId == requestId);

    public async Task<bool> DeleteRequestAsync(string requestId, CancellationToken ct = default)
    {
        await using var conn = await db.OpenAsync(ct);
        await using var cmd = conn.CreateCommand();
        cmd.CommandText = "DELETE FROM pairing_requests WHERE request_id = $rid";
        cmd.Parameters.AddWithValue("$rid", requestId);
        return await cmd.ExecuteNonQueryAsync(ct) > 0;
    }

    private static string? Str(SqliteDataReader r, string name)
    {
        var i = r.GetOrdinal(name);
        return r.IsDBNull(i) ? null : r.GetString(i);
    }

    private static long? Long(SqliteDataReader r, string name)
    {
        var i = r.GetOrdinal(name);
        return r.IsDBNull(i) ? null : r.GetInt64(i);
    }

    private static PairedDevice ReadDevice(SqliteDataReader r) => new()
    {
        DeviceId = Str(r, "device_id")!,
        PublicKey = Str(r, "public_key")!,
        DisplayName = Str(r, "display_name"),
        Platform = Str(r, "platform"),
        DeviceFamily = Str(r, "device_family"),
        ClientId = Str(r, "client_id"),
        ClientMode = Str(r, "client_mode"),
        Roles = StringListCodec.Decode(Str(r, "roles")),
        Scopes = StringListCodec.Decode(Str(r, "scopes")),
        RemoteIp = Str(r, "remote_ip"),
        CreatedAtMs = Long(r, "created_at_ms") ?? 0,
        ApprovedAtMs = Long(r, "approved_at_ms") ?? 0,
        LastSeenAtMs = Long(r, "last_seen_at_ms"),
    };

    private static DeviceToken ReadToken(SqliteDataReader r) => new()
    {
        DeviceId = Str(r, "device_id")!,
        Role = Str(r, "role")!,
        Token = Str(r, "token")!,
        Scopes = StringListCodec.Decode(Str(r, "scopes")),
        CreatedAtMs = Long(r, "created_at_ms") ?? 0,
        RotatedAtMs = Long(r, "rotated_at_ms"),
        RevokedAtMs = Long(r, "revoked_at_ms"),
        LastUsedAtMs = Long(r, "last_used_at_ms"),
    };

    private static PairingRequest ReadRequest(SqliteDataReader r) => new()
    {
        RequestId = Str(r, "request_id")!,
        DeviceId = Str(r, "device_id")!,
        PublicKey = Str(r, "public_key")!,
        DisplayName = Str(r, "display_name"),
        Platform = Str(r, "platform"),
        DeviceFamily = Str(r, "device_family"),
        ClientId = Str(r, "client_id"),
        ClientMode = Str(r, "client_mode"),
        Role = Str(r, "role")!,
        Scopes = StringListCodec.Decode(Str(r, "scopes")),
        RemoteIp = Str(r, "remote_ip"),
        Reason = Str(r, "reason")!,
        IsRepair = (Long(r, "is_repair") ?? 0) != 0,
        CreatedAtMs = Long(r, "created_at_ms") ?? 0,
    };
}
