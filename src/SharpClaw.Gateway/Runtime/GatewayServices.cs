using Microsoft.Extensions.Logging;
using SharpClaw.Core.Pairing;
using SharpClaw.Core.State;
using SharpClaw.Gateway.Auth;
using SharpClaw.Gateway.Connections;
using SharpClaw.Gateway.Rpc;

namespace SharpClaw.Gateway.Runtime;

/// <summary>The gateway's composed services (built by hand: no reflection, fast start-up).</summary>
public sealed class GatewayServices
{
    public required GatewayInfo Info { get; init; }

    public required StatePaths Paths { get; init; }

    public required Func<GatewayRuntimeSettings> Settings { get; init; }

    public required StateDatabase Database { get; init; }

    public required DeviceStore Devices { get; init; }

    public required ConnectionRegistry Connections { get; init; }

    public required PresenceTracker Presence { get; init; }

    public required HealthState Health { get; init; }

    public required AuthRateLimiter AuthLimiter { get; init; }

    public required ITailscaleWhois Tailscale { get; init; }

    public required MethodRegistry Methods { get; init; }

    public required RpcDispatcher Dispatcher { get; init; }

    public required ILoggerFactory LoggerFactory { get; init; }

    /// <summary>The JSON-lines file log (for <c>logs.tail</c>).</summary>
    public required Core.Logging.JsonLinesLoggerProvider FileLog { get; init; }

    public TimeProvider Time => Info.Time;

    /// <summary>Agent runtime, sessions and models (set during composition).</summary>
    public Agents.AgentServices? Agents { get; set; }

    /// <summary>Channel routes, webhook transforms and the tool policy of the HTTP APIs.</summary>
    public Http.HttpExtensionRegistry HttpExtensions { get; } = new();

    /// <summary>The port Kestrel actually listens on (differs from the setting when it is 0).</summary>
    public int ListenPort { get; set; }

    /// <summary>How often <c>tick</c> is broadcast (hello-ok <c>policy.tickIntervalMs</c>); the protocol value unless a test overrides it.</summary>
    public int TickIntervalMs { get; init; } = Protocol.ProtocolConstants.TickIntervalMs;

    /// <summary>Set when shutdown starts: new connects get UNAVAILABLE/1013.</summary>
    public bool Draining { get; set; }

    public Protocol.Frames.StateVersion StateVersion => new(Presence.Version, Health.Version);

    /// <summary>Recomputes presence and tells every reader.</summary>
    public void PublishPresence()
    {
        var version = Presence.Bump();
        var payload = new System.Text.Json.Nodes.JsonObject { ["presence"] = Presence.Snapshot() };
        Connections.Broadcast(Protocol.Events.EventNames.Presence, payload, new Protocol.Frames.StateVersion(version, Health.Version), dropIfSlow: true);
    }
}
