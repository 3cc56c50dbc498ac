using System.Buffers;
using System.Net;
using System.Net.WebSockets;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using SharpClaw.Gateway.Auth;
using SharpClaw.Gateway.Handshake;
using SharpClaw.Gateway.Runtime;
using SharpClaw.Protocol;
using SharpClaw.Protocol.Events;
using SharpClaw.Protocol.Frames;

namespace SharpClaw.Gateway.Connections;

/// <summary>
/// Runs one WebSocket from upgrade to close: pre-auth budget, challenge, handshake with a 15 s timeout and a
/// 64 KiB frame cap, then the request loop with the 25 MiB cap.
/// </summary>
public sealed partial class WebSocketSession(GatewayServices services, ConnectHandler connectHandler)
{
    private static readonly string[] ProxyHeaders = ["x-forwarded-for", "x-forwarded-host", "x-forwarded-proto", "forwarded", "x-real-ip"];
    private readonly ILogger _logger = services.LoggerFactory.CreateLogger("gateway/ws");

    public TimeSpan HandshakeTimeout { get; init; } = TimeSpan.FromMilliseconds(ProtocolConstants.HandshakeTimeoutMs);

    public async Task RunAsync(HttpContext http)
    {
        var remoteIp = http.Connection.RemoteIpAddress;
        var ipKey = ClientAddress.Key(remoteIp);
        if (!services.Connections.TryReservePreAuth(ipKey, ProtocolConstants.MaxPreAuthConnectionsPerIp))
        {
            http.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            await http.Response.WriteAsync("Too many unauthenticated sockets");
            return;
        }

        var preAuthHeld = true;
        GatewayConnection? connection = null;
        try
        {
            var socket = await http.WebSockets.AcceptWebSocketAsync(new WebSocketAcceptContext
            {
                KeepAliveInterval = TimeSpan.FromSeconds(25),
                KeepAliveTimeout = TimeSpan.FromSeconds(25),
            });
            connection = new GatewayConnection(socket, Guid.NewGuid().ToString(), remoteIp, DescribeRequest(http.Request), services.Info.NowMs);
            services.Connections.Add(connection);
            var nonce = Guid.NewGuid().ToString();
            connection.Send(FrameWriter.Event(EventNames.ConnectChallenge, new JsonObject
            {
                ["nonce"] = nonce,
                ["ts"] = services.Info.NowMs,
                ["capabilities"] = new JsonArray("model-catalog-snapshot"),
            }, null, null));

            using var lifetime = CancellationTokenSource.CreateLinkedTokenSource(http.RequestAborted);
            _ = EnforceHandshakeTimeoutAsync(connection, lifetime.Token);
            await ReceiveLoopAsync(socket, connection, nonce, () =>
            {
                if (preAuthHeld)
                {
                    preAuthHeld = false;
                    services.Connections.ReleasePreAuth(ipKey);
                }
            }, lifetime.Token);
            await DrainCloseAsync(socket);
            await lifetime.CancelAsync();
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or IOException)
        {
            LogSocketEnded(_logger, ex.Message);
        }
        finally
        {
            if (preAuthHeld)
            {
                services.Connections.ReleasePreAuth(ipKey);
            }

            if (connection is not null)
            {
                var wasAuthenticated = connection.IsAuthenticated;
                services.Connections.Remove(connection);
                connection.Abort();

                if (wasAuthenticated)
                {
                    services.PublishPresence();
                }
            }
        }
    }

    private async Task ReceiveLoopAsync(WebSocket socket, GatewayConnection connection, string nonce, Action onAuthenticated, CancellationToken ct)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(16 * 1024);
        var message = new ArrayBufferWriter<byte>(16 * 1024);
        try
        {
            while (socket.State == WebSocketState.Open)
            {
                var result = await socket.ReceiveAsync(buffer.AsMemory(), ct);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    await connection.CloseAsync(WebSocketCloseStatus.NormalClosure, string.Empty);
                    return;
                }

                var limit = connection.IsAuthenticated ? ProtocolConstants.MaxPayloadBytes : ProtocolConstants.MaxPreAuthPayloadBytes;
                if (message.WrittenCount + result.Count > limit)
                {
                    await connection.CloseAsync(WebSocketCloseStatus.MessageTooBig, connection.IsAuthenticated ? "payload too large" : "preauth payload too large", flush: false);
                    return;
                }

                message.Write(buffer.AsSpan(0, result.Count));
                if (!result.EndOfMessage)
                {
                    continue;
                }

                var keepGoing = connection.IsAuthenticated
                    ? HandleRequest(connection, message.WrittenMemory, ct)
                    : await HandleHandshakeAsync(connection, message.WrittenMemory, nonce, onAuthenticated, ct);
                message.ResetWrittenCount();
                if (!keepGoing)
                {
                    return;
                }
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>
    /// After a server-initiated close, waits (briefly) for the client's close reply so queued frames and the
    /// close frame are flushed instead of being cut off by an abort.
    /// </summary>
    private static async Task DrainCloseAsync(WebSocket socket)
    {
        if (socket.State != WebSocketState.CloseSent)
        {
            return;
        }

        var scratch = new byte[1024];
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(2));
        try
        {
            while (socket.State == WebSocketState.CloseSent)
            {
                var r = await socket.ReceiveAsync(scratch, cts.Token);
                if (r.MessageType == WebSocketMessageType.Close)
                {
                    return;
                }
            }
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException)
        {
        }
    }

    private async Task<bool> HandleHandshakeAsync(GatewayConnection connection, ReadOnlyMemory<byte> data, string nonce, Action onAuthenticated, CancellationToken ct)
    {
        var parsed = FrameParser.Parse(data);
        if (!parsed.IsJson)
        {
            await connection.CloseAsync(WebSocketCloseStatus.NormalClosure, string.Empty, flush: false);
            return false;
        }

        if (!parsed.Success)
        {
            await connection.CloseAsync(WebSocketCloseStatus.PolicyViolation, "invalid request frame", flush: false);
            return false;
        }

        using var frame = parsed.Frame!;
        try
        {
            var (identity, deviceToken, issuedAt) = await connectHandler.HandleAsync(connection, frame, nonce, ct);
            connection.Authenticate(identity);
            onAuthenticated();
            services.Connections.OnAuthenticated();
            var hello = HelloBuilder.Build(services, connection, deviceToken, issuedAt);
            connection.Send(FrameWriter.Response(frame.Id, true, hello, null));
            LogConnected(_logger, connection.ConnId, identity.Client.Id, identity.Role, identity.AuthMethod);
            services.PublishPresence();
            return true;
        }
        catch (ConnectFailure failure)
        {
            if (failure.Error is not null)
            {
                connection.Send(FrameWriter.Response(frame.Id, false, JsonPayload.None, failure.Error));
            }

            LogConnectRejected(_logger, ClientAddress.Key(connection.RemoteIp), failure.Message);
            await connection.CloseAsync(failure.CloseStatus, failure.CloseReason);
            return false;
        }
    }

    private bool HandleRequest(GatewayConnection connection, ReadOnlyMemory<byte> data, CancellationToken ct)
    {
        var parsed = FrameParser.Parse(data);
        if (!parsed.Success)
        {
            var error = ErrorShape.InvalidRequest("invalid request frame: " + (parsed.Error ?? "not a request"));
            connection.Send(FrameWriter.Response(parsed.Id ?? "invalid", false, JsonPayload.None, error));
            return true;
        }

        var frame = parsed.Frame!;
        if (frame.Method == "connect")
        {
            connection.Send(FrameWriter.Response(frame.Id, false, JsonPayload.None, ErrorShape.InvalidRequest("connect is only valid as the first request")));
            frame.Dispose();
            return true;
        }

        _ = services.Dispatcher.DispatchAsync(connection, frame, ct);
        return true;
    }

    private async Task EnforceHandshakeTimeoutAsync(GatewayConnection connection, CancellationToken ct)
    {
        try
        {
            await Task.Delay(HandshakeTimeout, services.Time, ct);
        }
        catch (OperationCanceledException)
        {
            return;
        }

        if (!connection.IsAuthenticated)
        {
            await connection.CloseAsync(WebSocketCloseStatus.NormalClosure, "handshake timeout", flush: false);
            await Task.Delay(TimeSpan.FromSeconds(1), services.Time, CancellationToken.None);
            connection.Abort();
        }
    }

    private static ConnectionRequestInfo DescribeRequest(HttpRequest request)
    {
        var headers = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, value) in request.Headers)
        {
            headers[name.ToLowerInvariant()] = value.ToString();
        }

        IPAddress? forwardedFor = null;
        if (headers.TryGetValue("x-forwarded-for", out var xff))
        {
            forwardedFor = IPAddress.TryParse(xff.Split(',')[0].Trim(), out var parsedIp) ? parsedIp : null;
        }

        return new ConnectionRequestInfo
        {
            Origin = headers.GetValueOrDefault("origin"),
            Host = headers.GetValueOrDefault("host"),
            UserAgent = headers.GetValueOrDefault("user-agent"),
            HasProxyHeaders = ProxyHeaders.Any(headers.ContainsKey),
            Headers = headers,
            ForwardedFor = forwardedFor,
        };
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "socket ended: {Reason}")]
    private static partial void LogSocketEnded(ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "client connected conn={ConnId} client={ClientId} role={Role} auth={AuthMethod}")]
    private static partial void LogConnected(ILogger logger, string connId, string clientId, string role, string authMethod);

    [LoggerMessage(Level = LogLevel.Warning, Message = "connect rejected from {Ip}: {Reason}")]
    private static partial void LogConnectRejected(ILogger logger, string ip, string reason);
}
