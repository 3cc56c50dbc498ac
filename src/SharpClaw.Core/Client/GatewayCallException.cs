using System.Net.WebSockets;
using System.Text.Json.Nodes;

namespace SharpClaw.Core.Client;

/// <summary>A gateway answered <c>ok:false</c> (or closed the socket during the handshake).</summary>
public sealed class GatewayCallException(string code, string message, JsonNode? details = null, WebSocketCloseStatus? closeStatus = null) : Exception(message)
{
    public string Code { get; } = code;

    public JsonNode? Details { get; } = details;

    public WebSocketCloseStatus? CloseStatus { get; } = closeStatus;

    public string? DetailsCode => (string?)Details?["code"];
}
