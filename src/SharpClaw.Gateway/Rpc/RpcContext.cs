using System.Text.Json;
using SharpClaw.Gateway.Connections;

namespace SharpClaw.Gateway.Rpc;

/// <summary>Everything a method handler sees about one request.</summary>
public sealed class RpcContext
{
    public required GatewayConnection Connection { get; init; }

    public required string RequestId { get; init; }

    public required string Method { get; init; }

    public JsonElement? Params { get; init; }

    public CancellationToken CancellationToken { get; init; }

    public ConnectionIdentity Identity => Connection.Identity!;

    public bool IsAdmin => Connection.HasScope(Protocol.Auth.OperatorScopes.Admin);

    private List<Func<Task>>? _afterResponse;

    /// <summary>Work to run once the response frame is queued (e.g. closing the caller's own socket).</summary>
    public void OnResponded(Func<Task> action) => (_afterResponse ??= []).Add(action);

    internal async Task RunAfterResponseAsync()
    {
        foreach (var action in _afterResponse ?? [])
        {
            await action();
        }
    }

    /// <summary>Sends an extra response frame with the same id before the final one (e.g. "accepted").</summary>
    public void SendInterim(Protocol.Frames.JsonPayload payload)
        => Connection.Send(Protocol.Frames.FrameWriter.Response(RequestId, true, payload, null));
}
