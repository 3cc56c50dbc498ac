using System.Net.Sockets;
using System.Text;

namespace SharpClaw.Gateway.Tests.HttpApi;

/// <summary>Sends a request target byte-for-byte (HttpClient would normalise dot-segments and escapes).</summary>
public static class RawHttp
{
    public static async Task<(int Status, string Body)> SendAsync(int port, string method, string target, string? bearer = null)
    {
        using var client = new TcpClient();
        await client.ConnectAsync("127.0.0.1", port, TestContext.Current.CancellationToken);
        await using var stream = client.GetStream();
        var request = new StringBuilder($"{method} {target} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nConnection: close\r\nContent-Length: 0\r\n");
        if (bearer is not null)
        {
            request.Append("Authorization: Bearer ").Append(bearer).Append("\r\n");
        }

        request.Append("\r\n");
        await stream.WriteAsync(Encoding.ASCII.GetBytes(request.ToString()), TestContext.Current.CancellationToken);
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var response = await reader.ReadToEndAsync(TestContext.Current.CancellationToken);
        var status = int.Parse(response.Split(' ', 3)[1], System.Globalization.CultureInfo.InvariantCulture);
        var body = response[(response.IndexOf("\r\n\r\n", StringComparison.Ordinal) + 4)..];
        return (status, body);
    }
}
