namespace SharpClaw.Gateway.Hosting;

/// <summary>The gateway refused to start; the message says why and what to do.</summary>
public sealed class GatewayStartException(string message) : Exception(message);
