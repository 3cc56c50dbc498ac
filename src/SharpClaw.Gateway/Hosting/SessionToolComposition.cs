using System.Text.Json.Nodes;
using SharpClaw.Agents.Sessions;
using SharpClaw.Agents.Tools;
using SharpClaw.Agents.Tools.Messaging;
using SharpClaw.Agents.Tools.Sessions;
using SharpClaw.Core.Config;
using SharpClaw.Gateway.Agents;
using SharpClaw.Gateway.Runtime;

namespace SharpClaw.Gateway.Hosting;

/// <summary>Registers the session, messaging and gateway tools; the returned host is attached to the runtime later.</summary>
internal static class SessionToolComposition
{
    public static SessionToolHost Register(GatewayServices services, ToolRegistry tools, SessionStore sessions, MessageChannels channels, Func<JsonObject?> config)
    {
        var host = new SessionToolHost(sessions, config, services.Time);
        tools.Register(new SessionsListTool(host));
        tools.Register(new SessionsHistoryTool(host));
        tools.Register(new SessionsSendTool(host));
        tools.Register(new SessionsSpawnTool(host));
        tools.Register(new SubagentsTool(host));
        channels.Register(new WebchatChannel(sessions, services.Connections, services.Time));
        tools.Register(new MessageTool(channels));
        tools.Register(new GatewayTool(
            () => new JsonObject
            {
                ["version"] = GatewayInfo.Version,
                ["uptimeMs"] = services.Info.UptimeMs,
                ["connections"] = services.Connections.Count,
                ["activeSessions"] = services.Agents?.Runtime.ActiveSessions ?? 0,
            },
            () => config() is { } root ? ConfigRedactor.Redact((JsonObject)root.DeepClone()) : null));
        return host;
    }
}
