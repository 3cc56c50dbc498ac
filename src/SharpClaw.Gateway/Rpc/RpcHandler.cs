using SharpClaw.Protocol.Frames;

namespace SharpClaw.Gateway.Rpc;

/// <summary>A method implementation. Return the payload or throw <see cref="RpcException"/>.</summary>
public delegate ValueTask<JsonPayload> RpcHandler(RpcContext context);
