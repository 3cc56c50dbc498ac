using SharpClaw.Protocol.Frames;

namespace SharpClaw.Gateway.Rpc;

/// <summary>The result of running a method once: what the response frame carries.</summary>
public sealed record RpcOutcome(bool Ok, JsonPayload Payload, ErrorShape? Error)
{
    public byte[] ToFrame(string requestId) => FrameWriter.Response(requestId, Ok, Payload, Error);
}
