using System.Text.Json.Nodes;

namespace SharpClaw.Core.Client;

/// <summary>A server event as the client received it.</summary>
public sealed record GatewayEvent(string Name, JsonNode? Payload, long? Seq);
