using System.Net.WebSockets;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading.Channels;
using SharpClaw.Core.Security;
using SharpClaw.Gateway.Tests.Interop;

namespace SharpClaw.Gateway.Tests.Infrastructure;

/// <summary>
/// A raw WebSocket client for protocol tests: it can send any bytes, and every frame it receives is
/// validated against OpenClaw's protocol.schema.json before the test sees it.
/// </summary>
public sealed class WsTestClient : IAsyncDisposable
{
    private readonly ClientWebSocket _socket;
    private readonly Channel<Frame> _frames = Channel.CreateUnbounded<Frame>();
    private readonly Task _receiver;
    private int _nextId;

    private WsTestClient(ClientWebSocket socket)
    {
        _socket = socket;
        _receiver = Task.Run(ReceiveLoopAsync);
    }

    public string? Nonce { get; private set; }

    public long ChallengeTs { get; private set; }

    public DeviceIdentity? Device { get; private set; }

    public JsonObject? Hello { get; private set; }

    public WebSocketCloseStatus? CloseStatus => _socket.CloseStatus;

    public string? CloseDescription => _socket.CloseStatusDescription;

    public List<Frame> Events { get; } = [];

    public static async Task<WsTestClient> OpenAsync(Uri url, IDictionary<string, string>? headers = null)
    {
        var socket = new ClientWebSocket();
        if (headers is not null)
        {
            foreach (var (k, v) in headers)
            {
                socket.Options.SetRequestHeader(k, v);
            }
        }

        await socket.ConnectAsync(url, TestContext.Current.CancellationToken);
        var client = new WsTestClient(socket);
        var challenge = await client.NextAsync();
        Assert.Equal("connect.challenge", challenge.Event);
        client.Nonce = (string)challenge.Payload!["nonce"]!;
        client.ChallengeTs = (long)challenge.Payload!["ts"]!;
        return client;
    }

    public Task SendRawAsync(string text) => SendRawAsync(Encoding.UTF8.GetBytes(text));

    public async Task SendRawAsync(byte[] bytes)
        => await _socket.SendAsync(bytes, WebSocketMessageType.Text, true, TestContext.Current.CancellationToken);

    public Task SendJsonAsync(JsonNode node) => SendRawAsync(node.ToJsonString());

    /// <summary>The next frame of any kind (events included), or throws after the timeout.</summary>
    public async Task<Frame> NextAsync(TimeSpan? timeout = null)
    {
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        cts.CancelAfter(timeout ?? TimeSpan.FromSeconds(10));
        try
        {
            return await _frames.Reader.ReadAsync(cts.Token);
        }
        catch (ChannelClosedException ex)
        {
            if (ex.InnerException is not null)
            {
                throw ex.InnerException;
            }

            throw new InvalidOperationException($"socket closed ({CloseStatus} {CloseDescription}) while waiting for a frame");
        }
    }

    /// <summary>Waits for the response with this id; events seen meanwhile go to <see cref="Events"/>.</summary>
    public async Task<Frame> ResponseAsync(string id, TimeSpan? timeout = null)
    {
        while (true)
        {
            var frame = await NextAsync(timeout);
            if (frame.Type == "res" && frame.Id == id)
            {
                return frame;
            }

            if (frame.Type == "event")
            {
                Events.Add(frame);
            }
        }
    }

    /// <summary>Waits for an event by name (checking already-buffered events first).</summary>
    public async Task<Frame> EventAsync(string name, TimeSpan? timeout = null)
    {
        var seen = Events.FirstOrDefault(e => e.Event == name);
        if (seen is not null)
        {
            Events.Remove(seen);
            return seen;
        }

        while (true)
        {
            var frame = await NextAsync(timeout);
            if (frame.Type == "event" && frame.Event == name)
            {
                return frame;
            }

            if (frame.Type == "event")
            {
                Events.Add(frame);
            }
        }
    }

    public async Task<Frame> CallAsync(string method, JsonNode? parameters = null)
    {
        var id = $"t{Interlocked.Increment(ref _nextId)}";
        var req = new JsonObject { ["type"] = "req", ["id"] = id, ["method"] = method };
        if (parameters is not null)
        {
            req["params"] = parameters;
        }

        await SendJsonAsync(req);
        return await ResponseAsync(id);
    }

    public JsonObject BuildConnect(ConnectOptions o)
    {
        var role = o.Role ?? "operator";
        var p = new JsonObject
        {
            ["minProtocol"] = o.MinProtocol,
            ["maxProtocol"] = o.MaxProtocol,
            ["client"] = new JsonObject { ["id"] = o.ClientId, ["version"] = "1.0.0", ["platform"] = o.Platform, ["mode"] = o.ClientMode },
            ["scopes"] = Protocol.Frames.JsonNodes.StringArray(o.Scopes),
            ["caps"] = Protocol.Frames.JsonNodes.StringArray(o.Caps),
        };
        if (o.Role is not null)
        {
            p["role"] = o.Role;
        }

        if (o.DeviceFamily is not null)
        {
            p["client"]!["deviceFamily"] = o.DeviceFamily;
        }

        var auth = new JsonObject();
        if (o.Token is not null)
        {
            auth["token"] = o.Token;
        }

        if (o.Password is not null)
        {
            auth["password"] = o.Password;
        }

        if (o.DeviceToken is not null)
        {
            auth["deviceToken"] = o.DeviceToken;
        }

        p["auth"] = auth;
        var device = o.Device ?? (o.WithDevice ? DeviceIdentity.Create() : null);
        Device = device;
        if (device is not null)
        {
            var token = o.Token ?? o.DeviceToken;
            var signed = o.SignV2
                ? DeviceAuthPayload.BuildV2(device.DeviceId, o.ClientId, o.ClientMode, role, o.Scopes, ChallengeTs, token, Nonce!)
                : DeviceAuthPayload.BuildV3(device.DeviceId, o.ClientId, o.ClientMode, role, o.Scopes, ChallengeTs, token, Nonce!, o.Platform, o.DeviceFamily);
            var d = new JsonObject
            {
                ["id"] = device.DeviceId,
                ["publicKey"] = device.PublicKeyBase64Url,
                ["signature"] = device.SignBase64Url(signed),
                ["signedAt"] = ChallengeTs,
                ["nonce"] = Nonce,
            };
            o.MutateDevice?.Invoke(d);
            p["device"] = d;
        }

        o.MutateParams?.Invoke(p);
        return new JsonObject { ["type"] = "req", ["id"] = "connect-1", ["method"] = "connect", ["params"] = p };
    }

    public async Task<Frame> ConnectAsync(ConnectOptions options)
    {
        await SendJsonAsync(BuildConnect(options));
        var res = await ResponseAsync("connect-1");
        if (res.Ok)
        {
            Hello = (JsonObject)res.Payload!;
        }

        return res;
    }

    /// <summary>Waits until the server closes the socket; returns the close code.</summary>
    public async Task<WebSocketCloseStatus?> ClosedAsync(TimeSpan? timeout = null)
    {
        await _receiver.WaitAsync(timeout ?? TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken);
        return _socket.CloseStatus;
    }

    private async Task ReceiveLoopAsync()
    {
        var buffer = new byte[64 * 1024];
        using var message = new MemoryStream();
        try
        {
            while (_socket.State == WebSocketState.Open)
            {
                var result = await _socket.ReceiveAsync(buffer, CancellationToken.None);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    if (_socket.State == WebSocketState.CloseReceived)
                    {
                        await _socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, string.Empty, CancellationToken.None);
                    }

                    break;
                }

                message.Write(buffer, 0, result.Count);
                if (!result.EndOfMessage)
                {
                    continue;
                }

                var text = Encoding.UTF8.GetString(message.GetBuffer(), 0, (int)message.Length);
                message.SetLength(0);
                ProtocolSchema.AssertValid(text);
                await _frames.Writer.WriteAsync(new Frame((JsonObject)JsonNode.Parse(text)!));
            }
        }
        catch (WebSocketException)
        {
        }
        catch (Exception ex)
        {
            // A schema violation (or anything else) fails whoever waits for the next frame.
            _frames.Writer.TryComplete(ex);
        }
        finally
        {
            _frames.Writer.TryComplete();
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (_socket.State == WebSocketState.Open)
            {
                using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(2));
                await _socket.CloseAsync(WebSocketCloseStatus.NormalClosure, string.Empty, cts.Token);
            }
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException)
        {
        }

        _socket.Dispose();
    }
}
