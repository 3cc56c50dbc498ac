using System.Text.Json.Nodes;
using SharpClaw.Gateway.Connections;
using SharpClaw.Gateway.Runtime;
using SharpClaw.Protocol;
using SharpClaw.Protocol.Auth;
using SharpClaw.Protocol.Events;
using SharpClaw.Protocol.Frames;

namespace SharpClaw.Gateway.Handshake;

/// <summary>Builds the <c>hello-ok</c> payload (schema HelloOk, closed).</summary>
public static class HelloBuilder
{
    public static JsonObject Build(GatewayServices s, GatewayConnection connection, string? deviceToken, long? issuedAtMs)
    {
        var id = connection.Identity!;
        var settings = s.Settings();
        var snapshot = new JsonObject
        {
            ["presence"] = s.Presence.Snapshot(),
            ["health"] = s.Health.Snapshot(),
            ["stateVersion"] = new JsonObject { ["presence"] = s.Presence.Version, ["health"] = s.Health.Version },
            ["uptimeMs"] = s.Info.UptimeMs,
            ["sessionDefaults"] = new JsonObject { ["defaultAgentId"] = "main", ["mainKey"] = "main", ["mainSessionKey"] = "agent:main:main" },
            ["authMode"] = settings.AuthMode,
            ["suspension"] = new JsonObject { ["phase"] = s.Draining ? "draining" : "accepting" },
        };
        if (connection.HasScope(OperatorScopes.Admin))
        {
            snapshot["configPath"] = s.Paths.ConfigPath;
            snapshot["stateDir"] = s.Paths.StateDir;
        }

        var auth = new JsonObject
        {
            ["role"] = id.Role,
            ["scopes"] = JsonNodes.StringArray(id.Scopes),
        };
        if (deviceToken is not null)
        {
            auth["deviceToken"] = deviceToken;
            auth["issuedAtMs"] = issuedAtMs ?? s.Info.NowMs;
        }

        return new JsonObject
        {
            ["type"] = "hello-ok",
            ["protocol"] = ProtocolConstants.ProtocolVersion,
            ["server"] = new JsonObject
            {
                ["version"] = GatewayInfo.Version,
                ["bootId"] = s.Info.BootId,
                ["connId"] = connection.ConnId,
            },
            ["features"] = new JsonObject
            {
                ["methods"] = JsonNodes.StringArray(s.Methods.Advertised),
                ["events"] = JsonNodes.StringArray(EventNames.Advertised),
            },
            ["snapshot"] = snapshot,
            ["auth"] = auth,
            ["policy"] = new JsonObject
            {
                ["maxPayload"] = ProtocolConstants.MaxPayloadBytes,
                ["maxBufferedBytes"] = ProtocolConstants.MaxBufferedBytes,
                ["tickIntervalMs"] = s.TickIntervalMs,
            },
        };
    }
}
