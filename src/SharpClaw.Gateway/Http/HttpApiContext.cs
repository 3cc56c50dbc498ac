using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using SharpClaw.Gateway.Agents;
using SharpClaw.Gateway.Runtime;

namespace SharpClaw.Gateway.Http;

/// <summary>What the HTTP API endpoints share: gateway and agent services, the live config, auth, a logger.</summary>
internal sealed class HttpApiContext(GatewayServices services, AgentServices agents, Func<JsonObject?> root, HttpAuthenticator auth, HttpExtensionRegistry extensions)
{
    public GatewayServices Services => services;

    public AgentServices Agents => agents;

    public HttpAuthenticator Auth => auth;

    public HttpExtensionRegistry Extensions => extensions;

    public TimeProvider Time => services.Time;

    public ILogger Log { get; } = services.LoggerFactory.CreateLogger("gateway/http");

    /// <summary>The current resolved config (re-read per request so hot reloads apply).</summary>
    public JsonObject? Root => root();

    public long NowSeconds => Time.GetUtcNow().ToUnixTimeSeconds();
}
