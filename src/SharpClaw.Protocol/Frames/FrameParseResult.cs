namespace SharpClaw.Protocol.Frames;

/// <summary>Outcome of parsing one inbound text frame.</summary>
public readonly record struct FrameParseResult(RequestFrame? Frame, bool IsJson, string? Error, string? Id)
{
    public bool Success => Frame is not null;
}
