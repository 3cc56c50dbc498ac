using System.Collections.Concurrent;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json.Nodes;
using SharpClaw.Core.Security;

namespace SharpClaw.Core.Client;

/// <summary>
/// A small client for the gateway protocol (used by the CLI, tests and benchmarks): waits for the challenge,
/// sends a signed <c>connect</c>, then correlates requests and responses by id and surfaces events.
/// </summary>
public sealed class GatewayClient : IAsyncDisposable
{
    private readonly ClientWebSocket _socket;
    private readonly GatewayClientOptions _options;
    private readonly ConcurrentDictionary<string, Pending> _pending = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _sendLock = new(1, 1);
    private readonly TaskCompletionSource<JsonObject> _challenge = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly CancellationTokenSource _stop = new();
    private Task _receiver = Task.CompletedTask;
    private long _nextId;

    private GatewayClient(ClientWebSocket socket, GatewayClientOptions options)
    {
        _socket = socket;
        _options = options;
    }

    public JsonObject Hello { get; private set; } = [];

    public string? DeviceToken => (string?)Hello["auth"]?["deviceToken"];

    public IReadOnlyList<string> Scopes => Hello["auth"]?["scopes"] is JsonArray a ? [.. a.Select(x => (string)x!)] : [];

    public event Action<GatewayEvent>? EventReceived;

    public WebSocketCloseStatus? CloseStatus => _socket.CloseStatus;

    public static async Task<GatewayClient> ConnectAsync(GatewayClientOptions options, CancellationToken ct = default)
    {
        var socket = new ClientWebSocket();
        using var connectTimeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        connectTimeout.CancelAfter(options.ConnectTimeout);
        await socket.ConnectAsync(options.Url, connectTimeout.Token);
        var client = new GatewayClient(socket, options);
        client._receiver = Task.Run(client.ReceiveLoopAsync, CancellationToken.None);
        try
        {
            await client.HandshakeAsync(connectTimeout.Token);
            return client;
        }
        catch
        {
            await client.DisposeAsync();
            throw;
        }
    }

    private async Task HandshakeAsync(CancellationToken ct)
    {
        var challenge = await _challenge.Task.WaitAsync(ct);
        var nonce = (string)challenge["nonce"]!;
        var ts = (long)challenge["ts"]!;
        var o = _options;
        var p = new JsonObject
        {
            ["minProtocol"] = 4,
            ["maxProtocol"] = 4,
            ["client"] = new JsonObject { ["id"] = o.ClientId, ["version"] = o.ClientVersion, ["platform"] = o.Platform, ["mode"] = o.ClientMode },
            ["role"] = o.Role,
            ["scopes"] = Protocol.Frames.JsonNodes.StringArray(o.Scopes),
            ["caps"] = Protocol.Frames.JsonNodes.StringArray(o.Caps),
        };
        if (o.DisplayName is not null)
        {
            p["client"]!["displayName"] = o.DisplayName;
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
        if (o.Device is { } device)
        {
            var payload = DeviceAuthPayload.BuildV3(device.DeviceId, o.ClientId, o.ClientMode, o.Role, o.Scopes, ts, o.Token ?? o.DeviceToken, nonce, o.Platform, o.DeviceFamily);
            p["device"] = new JsonObject
            {
                ["id"] = device.DeviceId,
                ["publicKey"] = device.PublicKeyBase64Url,
                ["signature"] = device.SignBase64Url(payload),
                ["signedAt"] = ts,
                ["nonce"] = nonce,
            };
        }

        var hello = await CallAsync("connect", p, o.ConnectTimeout, ct: ct);
        Hello = hello as JsonObject ?? [];
    }

    /// <summary>Calls a method; throws <see cref="GatewayCallException"/> on <c>ok:false</c>.</summary>
    public async Task<JsonNode?> CallAsync(string method, JsonNode? parameters = null, TimeSpan? timeout = null, bool expectFinal = false, CancellationToken ct = default)
    {
        var id = Interlocked.Increment(ref _nextId).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var pending = new Pending(expectFinal);
        _pending[id] = pending;
        var frame = new JsonObject { ["type"] = "req", ["id"] = id, ["method"] = method };
        if (parameters is not null)
        {
            frame["params"] = parameters;
        }

        try
        {
            await SendAsync(frame.ToJsonString(), ct);
            using var cts = CancellationTokenSource.CreateLinkedTokenSource(ct, _stop.Token);
            cts.CancelAfter(timeout ?? _options.RequestTimeout);
            return await pending.Completion.Task.WaitAsync(cts.Token);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            throw new GatewayCallException("CLIENT_TIMEOUT", $"{method} timed out", null, _socket.CloseStatus);
        }
        finally
        {
            _pending.TryRemove(id, out _);
        }
    }

    private async Task SendAsync(string text, CancellationToken ct)
    {
        await _sendLock.WaitAsync(ct);
        try
        {
            await _socket.SendAsync(Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text, true, ct);
        }
        finally
        {
            _sendLock.Release();
        }
    }

    private async Task ReceiveLoopAsync()
    {
        var buffer = new byte[64 * 1024];
        using var message = new MemoryStream();
        try
        {
            while (_socket.State == WebSocketState.Open)
            {
                var r = await _socket.ReceiveAsync(buffer, _stop.Token);
                if (r.MessageType == WebSocketMessageType.Close)
                {
                    break;
                }

                message.Write(buffer, 0, r.Count);
                if (!r.EndOfMessage)
                {
                    continue;
                }

                var node = JsonNode.Parse(message.GetBuffer().AsSpan(0, (int)message.Length)) as JsonObject;
                message.SetLength(0);
                if (node is not null)
                {
                    Dispatch(node);
                }
            }
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or ObjectDisposedException)
        {
        }
        finally
        {
            var error = new GatewayCallException("CLOSED", string.IsNullOrEmpty(_socket.CloseStatusDescription) ? "connection closed" : _socket.CloseStatusDescription, null, _socket.CloseStatus);
            foreach (var p in _pending.Values)
            {
                p.Completion.TrySetException(error);
            }

            _challenge.TrySetException(error);
        }
    }

    private void Dispatch(JsonObject frame)
    {
        switch ((string?)frame["type"])
        {
            case "event":
                var name = (string?)frame["event"] ?? string.Empty;
                if (name == "connect.challenge" && frame["payload"] is JsonObject challenge)
                {
                    _challenge.TrySetResult(challenge);
                    return;
                }

                EventReceived?.Invoke(new GatewayEvent(name, frame["payload"], (long?)frame["seq"]));
                break;
            case "res":
                if ((string?)frame["id"] is { } id && _pending.TryGetValue(id, out var pending))
                {
                    if ((bool?)frame["ok"] == true)
                    {
                        if (pending.ExpectFinal && (string?)frame["payload"]?["status"] == "accepted")
                        {
                            return;
                        }

                        pending.Completion.TrySetResult(frame["payload"]?.DeepClone());
                    }
                    else
                    {
                        var error = frame["error"];
                        pending.Completion.TrySetException(new GatewayCallException((string?)error?["code"] ?? "ERROR", (string?)error?["message"] ?? "request failed", error?["details"]?.DeepClone()));
                    }
                }

                break;
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

        await _stop.CancelAsync();
        await _receiver;
        _socket.Dispose();
        _stop.Dispose();
        _sendLock.Dispose();
    }

    private sealed class Pending(bool expectFinal)
    {
        public bool ExpectFinal { get; } = expectFinal;

        public TaskCompletionSource<JsonNode?> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
