using System.Text.Json.Nodes;

namespace SharpClaw.Gateway.Runtime;

/// <summary>
/// The health snapshot (schema HealthSnapshot, closed) used in hello-ok and the <c>health</c> event, and
/// the richer <c>health</c> RPC result (adds the seed's <c>uptime</c> and <c>version</c>). Versioned.
/// </summary>
public sealed class HealthState(GatewayInfo info)
{
    private long _version = 1;
    private byte[]? _cachedRpc;
    private long _cachedAtMs;

    public long Version => Interlocked.Read(ref _version);

    public long Bump()
    {
        _cachedRpc = null;
        return Interlocked.Increment(ref _version);
    }

    public JsonObject Snapshot() => new()
    {
        ["ok"] = true,
        ["ts"] = info.NowMs,
        ["durationMs"] = 0,
        ["defaultAgentId"] = "main",
    };

    /// <summary>The <c>health</c> RPC payload, cached for up to one second (hot path).</summary>
    public byte[] RpcPayload()
    {
        var now = info.NowMs;
        var cached = _cachedRpc;
        if (cached is not null && now - Interlocked.Read(ref _cachedAtMs) < 1000)
        {
            return cached;
        }

        var o = Snapshot();
        o["uptime"] = info.UptimeMs / 1000.0;
        o["uptimeMs"] = info.UptimeMs;
        o["version"] = GatewayInfo.Version;
        var bytes = System.Text.Encoding.UTF8.GetBytes(o.ToJsonString());
        _cachedRpc = bytes;
        Interlocked.Exchange(ref _cachedAtMs, now);
        return bytes;
    }
}
