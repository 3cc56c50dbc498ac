using System.Text.Json.Nodes;
using SharpClaw.Gateway.Connections;

namespace SharpClaw.Gateway.Runtime;

/// <summary>Builds the presence list (the gateway itself plus every connected client) and versions it.</summary>
public sealed class PresenceTracker(GatewayInfo info, ConnectionRegistry registry)
{
    private long _version = 1;

    public long Version => Interlocked.Read(ref _version);

    public long Bump() => Interlocked.Increment(ref _version);

    public JsonArray Snapshot()
    {
        var list = new JsonArray();
        list.Add((JsonNode)new JsonObject
            {
                ["ts"] = info.NowMs,
                ["host"] = Environment.MachineName,
                ["version"] = GatewayInfo.Version,
                ["platform"] = OperatingSystem.IsLinux() ? "linux" : OperatingSystem.IsMacOS() ? "darwin" : OperatingSystem.IsWindows() ? "win32" : "unknown",
                ["mode"] = "gateway",
                ["reason"] = "self",
                ["text"] = "SharpClaw gateway",
                ["onlineSince"] = info.StartedAtMs,
            });
        foreach (var c in registry.Authenticated.OrderBy(c => c.ConnectedAtMs))
        {
            var id = c.Identity!;
            var entry = new JsonObject
            {
                ["ts"] = c.ConnectedAtMs,
                ["text"] = id.Client.Id,
                ["tags"] = new JsonArray("client:" + id.Client.Id),
                ["version"] = id.Client.Version,
                ["platform"] = id.Client.Platform,
                ["mode"] = id.Client.Mode,
                ["reason"] = "connect",
                ["onlineSince"] = c.ConnectedAtMs,
                ["roles"] = new JsonArray(id.Role),
            };
            if (c.RemoteIp is not null)
            {
                entry["ip"] = Auth.ClientAddress.Key(c.RemoteIp);
            }

            if (id.Client.DisplayName is { } dn)
            {
                entry["host"] = dn;
            }

            if (id.Client.DeviceFamily is { } df)
            {
                entry["deviceFamily"] = df;
            }

            if (id.Client.ModelIdentifier is { } mi)
            {
                entry["modelIdentifier"] = mi;
            }

            if (id.Client.InstanceId is { } ii)
            {
                entry["instanceId"] = ii;
            }

            if (id.DeviceId is { } dev)
            {
                entry["deviceId"] = dev;
            }

            entry["scopes"] = Protocol.Frames.JsonNodes.StringArray(id.Scopes);
            list.Add((JsonNode)entry);
        }

        return list;
    }
}
