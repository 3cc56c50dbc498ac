using SharpClaw.Protocol.Frames;

namespace SharpClaw.Gateway.Rpc;

/// <summary>Thrown by handlers to answer with <c>ok:false</c> and the given error (optionally a payload).</summary>
public sealed class RpcException(ErrorShape error, System.Text.Json.Nodes.JsonNode? payload = null) : Exception(error.Message)
{
    public ErrorShape Error { get; } = error;

    public System.Text.Json.Nodes.JsonNode? Payload { get; } = payload;

    public static RpcException InvalidParams(string method, string detail) => new(ErrorShape.InvalidRequest($"invalid {method} params: {detail}"));

    public static RpcException Invalid(string message) => new(ErrorShape.InvalidRequest(message));
}
