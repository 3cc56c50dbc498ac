using System.Net.WebSockets;
using SharpClaw.Gateway.Connections;
using SharpClaw.Protocol.Frames;

namespace SharpClaw.Gateway.Tests.Units;

public sealed class SlowConsumerTests
{
    /// <summary>A socket whose sends never complete until released, to simulate a stalled reader.</summary>
    private sealed class StalledSocket : WebSocket
    {
        private readonly TaskCompletionSource _release = new();

        public WebSocketCloseStatus? ClosedWith { get; private set; }

        public string? ClosedReason { get; private set; }

        public override WebSocketCloseStatus? CloseStatus => ClosedWith;

        public override string? CloseStatusDescription => ClosedReason;

        public override WebSocketState State => ClosedWith is null ? WebSocketState.Open : WebSocketState.CloseSent;

        public override string? SubProtocol => null;

        public override void Abort() => _release.TrySetResult();

        public override Task CloseAsync(WebSocketCloseStatus closeStatus, string? statusDescription, CancellationToken cancellationToken) => CloseOutputAsync(closeStatus, statusDescription, cancellationToken);

        public override Task CloseOutputAsync(WebSocketCloseStatus closeStatus, string? statusDescription, CancellationToken cancellationToken)
        {
            ClosedWith = closeStatus;
            ClosedReason = statusDescription;
            _release.TrySetResult();
            return Task.CompletedTask;
        }

        public override void Dispose() => _release.TrySetResult();

        public override Task<WebSocketReceiveResult> ReceiveAsync(ArraySegment<byte> buffer, CancellationToken cancellationToken) => new TaskCompletionSource<WebSocketReceiveResult>().Task;

        public override Task SendAsync(ArraySegment<byte> buffer, WebSocketMessageType messageType, bool endOfMessage, CancellationToken cancellationToken) => _release.Task;
    }

    [Fact]
    public async Task DroppableEvents_AreSkipped_OthersCloseWith1008()
    {
        var socket = new StalledSocket();
        var conn = new GatewayConnection(socket, "c1", null, new ConnectionRequestInfo(), 0, maxBufferedBytes: 4096);
        var payload = JsonPayload.From(System.Text.Json.Nodes.JsonValue.Create(new string('x', 1000)));
        for (var i = 0; i < 10; i++)
        {
            conn.SendEvent("chat", payload, null, dropIfSlow: true);
        }

        Assert.True(conn.BufferedBytes <= 4096 + 2048);
        Assert.Null(socket.ClosedWith);
        conn.SendEvent("tick", payload, null, dropIfSlow: false);
        conn.SendEvent("tick", payload, null, dropIfSlow: false);
        for (var i = 0; i < 50 && socket.ClosedWith is null; i++)
        {
            await Task.Delay(20, TestContext.Current.CancellationToken);
        }

        Assert.Equal(WebSocketCloseStatus.PolicyViolation, socket.ClosedWith);
        Assert.Equal("slow consumer", socket.ClosedReason);
    }

    [Fact]
    public void CloseReason_IsTruncatedTo120Bytes()
    {
        var reason = GatewayConnection.TruncateReason(new string('é', 100));
        Assert.True(System.Text.Encoding.UTF8.GetByteCount(reason) <= 120);
    }
}
