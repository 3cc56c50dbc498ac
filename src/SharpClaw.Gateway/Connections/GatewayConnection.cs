using System.Net;
using System.Net.WebSockets;
using System.Threading.Channels;
using SharpClaw.Protocol;
using SharpClaw.Protocol.Auth;
using SharpClaw.Protocol.Frames;

namespace SharpClaw.Gateway.Connections;

/// <summary>
/// One WebSocket client. Outbound frames go through an unbounded queue drained by a single writer; the
/// queued byte count is the slow-consumer signal (events marked drop-if-slow are skipped past the budget,
/// anything else closes the socket with 1008).
/// </summary>
public sealed class GatewayConnection
{
    private readonly WebSocket _socket;
    private readonly Channel<byte[]> _outbound = Channel.CreateUnbounded<byte[]>(new UnboundedChannelOptions { SingleReader = true });
    private readonly long _maxBufferedBytes;
    private long _bufferedBytes;
    private long _seq;
    private int _closing;

    public GatewayConnection(WebSocket socket, string connId, IPAddress? remoteIp, ConnectionRequestInfo request, long connectedAtMs, long maxBufferedBytes = ProtocolConstants.MaxBufferedBytes)
    {
        _socket = socket;
        ConnId = connId;
        RemoteIp = remoteIp;
        Request = request;
        ConnectedAtMs = connectedAtMs;
        _maxBufferedBytes = maxBufferedBytes;
        Writer = Task.Run(WriteLoopAsync);
    }

    public string ConnId { get; }

    public IPAddress? RemoteIp { get; }

    public ConnectionRequestInfo Request { get; }

    public long ConnectedAtMs { get; }

    public ConnectionIdentity? Identity { get; private set; }

    public bool IsAuthenticated => Identity is not null;

    public Task Writer { get; }

    public long BufferedBytes => Interlocked.Read(ref _bufferedBytes);

    public bool IsOpen => _closing == 0 && _socket.State == WebSocketState.Open;

    /// <summary>Consecutive "unauthorized role" errors (flood guard).</summary>
    public int UnauthorizedStreak { get; set; }

    /// <summary>True when the client declared <c>session-scoped-events</c>: session events only for <see cref="Subscriptions"/>.</summary>
    public bool ScopedSessionEvents { get; private set; }

    public SessionEventSubscriptions Subscriptions { get; } = new();

    public void Authenticate(ConnectionIdentity identity)
    {
        ScopedSessionEvents = identity.Caps.Contains(Protocol.Events.SessionScopedEvents.Capability);
        Identity = identity;
    }

    /// <summary>Whether a session-keyed event for <paramref name="sessionKey"/> is for this socket.</summary>
    public bool WantsSessionEvent(string eventName, string? sessionKey)
        => !ScopedSessionEvents || !Protocol.Events.SessionScopedEvents.Applies(eventName) || (sessionKey is not null && Subscriptions.Contains(sessionKey));

    public bool HasScope(string scope) => Identity is { Role: "operator" } id && OperatorScopes.Satisfies((IReadOnlyCollection<string>)id.Scopes, scope);

    /// <summary>Queues a response or an unsequenced frame.</summary>
    public void Send(byte[] frame) => Enqueue(frame, dropIfSlow: false);

    /// <summary>Queues a broadcast event with this socket's next <c>seq</c>.</summary>
    public void SendEvent(string name, JsonPayload payload, StateVersion? stateVersion, bool dropIfSlow)
    {
        var seq = Interlocked.Increment(ref _seq);
        if (dropIfSlow && BufferedBytes > _maxBufferedBytes)
        {
            return; // the client sees a seq gap and refetches state
        }

        Enqueue(FrameWriter.Event(name, payload, seq, stateVersion), dropIfSlow);
    }

    private void Enqueue(byte[] frame, bool dropIfSlow)
    {
        if (_closing != 0)
        {
            return;
        }

        if (Interlocked.Add(ref _bufferedBytes, frame.Length) > _maxBufferedBytes)
        {
            Interlocked.Add(ref _bufferedBytes, -frame.Length);
            if (!dropIfSlow)
            {
                _ = CloseAsync(WebSocketCloseStatus.PolicyViolation, "slow consumer", flush: false);
            }

            return;
        }

        _outbound.Writer.TryWrite(frame);
    }

    /// <summary>Flushes queued frames, then closes with the given code (reason truncated to 120 bytes).</summary>
    public async Task CloseAsync(WebSocketCloseStatus status, string reason, bool flush = true)
    {
        if (Interlocked.Exchange(ref _closing, 1) != 0)
        {
            return;
        }

        _outbound.Writer.TryComplete();
        if (flush)
        {
            try
            {
                await Writer.WaitAsync(TimeSpan.FromSeconds(2));
            }
            catch (TimeoutException)
            {
            }
        }

        try
        {
            if (_socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
            {
                using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(2));
                await _socket.CloseOutputAsync(status, TruncateReason(reason), cts.Token);
            }
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or ObjectDisposedException)
        {
        }
    }

    /// <summary>Stops the writer; aborts the socket only if the close handshake did not finish.</summary>
    public void Abort()
    {
        Interlocked.Exchange(ref _closing, 1);
        _outbound.Writer.TryComplete();
        if (_socket.State != WebSocketState.Closed)
        {
            _socket.Abort();
        }
    }

    public static string TruncateReason(string reason)
    {
        var bytes = System.Text.Encoding.UTF8.GetByteCount(reason);
        if (bytes <= 120)
        {
            return reason;
        }

        var span = reason.AsSpan();
        var len = span.Length;
        while (System.Text.Encoding.UTF8.GetByteCount(span[..len]) > 120)
        {
            len--;
        }

        if (len > 0 && char.IsHighSurrogate(span[len - 1]))
        {
            len--;
        }

        return reason[..len];
    }

    private async Task WriteLoopAsync()
    {
        try
        {
            await foreach (var frame in _outbound.Reader.ReadAllAsync())
            {
                if (_socket.State != WebSocketState.Open && _socket.State != WebSocketState.CloseReceived)
                {
                    break;
                }

                await _socket.SendAsync(frame, WebSocketMessageType.Text, endOfMessage: true, CancellationToken.None);
                Interlocked.Add(ref _bufferedBytes, -frame.Length);
            }
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or ObjectDisposedException or IOException)
        {
            _outbound.Writer.TryComplete();
        }
    }
}
