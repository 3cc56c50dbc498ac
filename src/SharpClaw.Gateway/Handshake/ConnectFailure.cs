using System.Net.WebSockets;
using System.Text.Json.Nodes;
using SharpClaw.Protocol.Frames;

namespace SharpClaw.Gateway.Handshake;

/// <summary>A rejected connect: the error answered (if any) and how the socket is closed.</summary>
public sealed class ConnectFailure(ErrorShape? error, WebSocketCloseStatus closeStatus, string closeReason) : Exception(error?.Message ?? closeReason)
{
    public ErrorShape? Error { get; } = error;

    public WebSocketCloseStatus CloseStatus { get; } = closeStatus;

    public string CloseReason { get; } = closeReason;

    public static ConnectFailure Policy(ErrorShape error, string? reason = null) => new(error, WebSocketCloseStatus.PolicyViolation, reason ?? error.Message);

    public static ConnectFailure Invalid(string message, JsonNode? details = null) => Policy(ErrorShape.InvalidRequest(message, details));

    public static ConnectFailure DeviceProof(string message, string code, string reason)
        => Invalid(message, new JsonObject { ["code"] = code, ["reason"] = reason });
}
