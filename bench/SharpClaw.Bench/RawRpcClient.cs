using System.Net.WebSockets;
using System.Text;
using System.Text.Json;

namespace SharpClaw.Bench;

/// <summary>A minimal WebSocket RPC client for load: local cli connect, then pipelined requests.</summary>
internal sealed class RawRpcClient : IAsyncDisposable
{
    private readonly ClientWebSocket _ws = new();
    private readonly byte[] _buffer = new byte[1 << 20];

    public static async Task<RawRpcClient> ConnectAsync(Uri url, string token, CancellationToken ct)
    {
        var c = new RawRpcClient();
        await c._ws.ConnectAsync(url, ct);
        await c.ReadFrameAsync(ct); // challenge
        var connect = """{"type":"req","id":"c","method":"connect","params":{"minProtocol":4,"maxProtocol":4,"client":{"id":"cli","version":"bench","platform":"linux","mode":"cli"},"role":"operator","scopes":["operator.admin"],"auth":{"token":"TOKEN"}}}""".Replace("TOKEN", token, StringComparison.Ordinal);
        await c.SendAsync(connect, ct);
        while (true)
        {
            var frame = await c.ReadFrameAsync(ct);
            if (frame.Contains("\"hello-ok\"", StringComparison.Ordinal))
            {
                return c;
            }

            if (frame.Contains("\"ok\":false", StringComparison.Ordinal))
            {
                throw new InvalidOperationException("connect failed: " + frame);
            }
        }
    }

    public Task SendAsync(string text, CancellationToken ct) => _ws.SendAsync(Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text, true, ct);

    /// <summary>Reads frames until a response arrives; returns its id.</summary>
    public async Task<string> ReadResponseIdAsync(CancellationToken ct)
    {
        while (true)
        {
            var frame = await ReadFrameAsync(ct);
            if (frame.StartsWith("{\"type\":\"res\"", StringComparison.Ordinal))
            {
                using var doc = JsonDocument.Parse(frame);
                return doc.RootElement.GetProperty("id").GetString()!;
            }
        }
    }

    public async Task<string> ReadFrameAsync(CancellationToken ct)
    {
        var count = 0;
        while (true)
        {
            var r = await _ws.ReceiveAsync(_buffer.AsMemory(count), ct);
            if (r.MessageType == WebSocketMessageType.Close)
            {
                throw new InvalidOperationException("closed");
            }

            count += r.Count;
            if (r.EndOfMessage)
            {
                return Encoding.UTF8.GetString(_buffer, 0, count);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await _ws.CloseAsync(WebSocketCloseStatus.NormalClosure, null, CancellationToken.None);
        }
        catch (WebSocketException)
        {
        }

        _ws.Dispose();
    }
}
