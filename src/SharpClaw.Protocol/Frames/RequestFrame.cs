using System.Text.Json;

namespace SharpClaw.Protocol.Frames;

/// <summary>A parsed <c>{"type":"req"}</c> frame. <see cref="Params"/> is owned by <see cref="Document"/>.</summary>
public sealed class RequestFrame : IDisposable
{
    public required string Id { get; init; }

    public required string Method { get; init; }

    public JsonElement? Params { get; init; }

    public string? TraceParent { get; init; }

    public required JsonDocument Document { get; init; }

    public void Dispose() => Document.Dispose();
}
