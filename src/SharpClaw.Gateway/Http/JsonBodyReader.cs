using System.Buffers;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace SharpClaw.Gateway.Http;

/// <summary>
/// Reads a JSON request body under a byte limit: a Content-Length above the limit is refused before reading,
/// otherwise reading stops as soon as the running total passes it. 30 s read timeout. An empty body is <c>{}</c>.
/// </summary>
internal static class JsonBodyReader
{
    public static readonly TimeSpan ReadTimeout = TimeSpan.FromSeconds(30);

    public static async Task<BodyReadResult> ReadAsync(HttpContext http, long limit, TimeProvider time)
    {
        if (http.Request.ContentLength is { } declared && declared > limit)
        {
            return BodyReadResult.Fail(BodyReadError.TooLarge, $"request body is {declared} bytes; the limit is {limit}");
        }

        using var timeout = new CancellationTokenSource(ReadTimeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(timeout.Token, http.RequestAborted);
        var buffer = new ArrayBufferWriter<byte>(http.Request.ContentLength is > 0 and var n ? (int)Math.Min(n, limit) : 4096);
        try
        {
            while (true)
            {
                var memory = buffer.GetMemory(16 * 1024);
                var read = await http.Request.Body.ReadAsync(memory, linked.Token);
                if (read == 0)
                {
                    break;
                }

                buffer.Advance(read);
                if (buffer.WrittenCount > limit)
                {
                    return BodyReadResult.Fail(BodyReadError.TooLarge, $"request body exceeds the limit of {limit} bytes");
                }
            }
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested)
        {
            return BodyReadResult.Fail(BodyReadError.Timeout, "request body timeout");
        }
        catch (Exception ex) when (ex is IOException or Microsoft.AspNetCore.Connections.ConnectionResetException or OperationCanceledException or BadHttpRequestException)
        {
            return BodyReadResult.Fail(BodyReadError.Invalid, "request body could not be read: " + ex.Message);
        }

        var bytes = buffer.WrittenSpan;
        if (IsBlank(bytes))
        {
            return BodyReadResult.Ok(new JsonObject());
        }

        try
        {
            return BodyReadResult.Ok(JsonNode.Parse(bytes, documentOptions: new JsonDocumentOptions { MaxDepth = 64 }));
        }
        catch (JsonException ex)
        {
            return BodyReadResult.Fail(BodyReadError.Invalid, "invalid JSON body: " + ex.Message);
        }
    }

    private static bool IsBlank(ReadOnlySpan<byte> bytes)
    {
        foreach (var b in bytes)
        {
            if (b is not ((byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n'))
            {
                return false;
            }
        }

        return true;
    }
}
