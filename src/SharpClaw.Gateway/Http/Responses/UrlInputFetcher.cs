using System.Net;
using System.Net.Sockets;
using SharpClaw.Gateway.Auth;

namespace SharpClaw.Gateway.Http.Responses;

/// <summary>
/// Fetches URL-sourced <c>input_image</c> / <c>input_file</c> parts under the OpenResponses rules: http(s) only,
/// host allowlist (exact or <c>*.domain</c> for subdomains) on every hop, no private/loopback/link-local/metadata
/// addresses (checked again at connect time), at most 3 redirects, 10 s, a byte cap.
/// </summary>
internal sealed class UrlInputFetcher : IDisposable
{
    private const int MaxRedirects = 3;
    private readonly HttpClient _client;

    public UrlInputFetcher()
    {
        var handler = new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            ConnectCallback = async (context, ct) =>
            {
                var addresses = await Dns.GetHostAddressesAsync(context.DnsEndPoint.Host, ct);
                var allowed = addresses.FirstOrDefault(a => !IsBlocked(a)) ?? throw new HttpRequestException($"{context.DnsEndPoint.Host} resolves only to blocked addresses");
                if (addresses.Any(IsBlocked))
                {
                    throw new HttpRequestException($"{context.DnsEndPoint.Host} resolves to a private or internal address");
                }

                var socket = new Socket(allowed.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
                try
                {
                    await socket.ConnectAsync(new IPEndPoint(allowed, context.DnsEndPoint.Port), ct);
                    return new NetworkStream(socket, ownsSocket: true);
                }
                catch
                {
                    socket.Dispose();
                    throw;
                }
            },
        };
        _client = new HttpClient(handler) { Timeout = TimeSpan.FromSeconds(10) };
        _client.DefaultRequestHeaders.UserAgent.ParseAdd("OpenClaw-Gateway/1.0");
    }

    /// <summary>Checks a URL against the scheme, allowlist and address rules without fetching it.</summary>
    public static async Task<string?> CheckAsync(Uri url, IReadOnlyList<string> allowlist, CancellationToken ct)
    {
        if (url.Scheme is not ("http" or "https"))
        {
            return $"URL scheme {url.Scheme} is not allowed (http or https only)";
        }

        var host = url.IdnHost.ToLowerInvariant();
        if (allowlist.Count > 0 && !allowlist.Any(entry => HostMatches(host, entry.Trim().ToLowerInvariant())))
        {
            return $"host {host} is not in the URL allowlist";
        }

        if (host is "localhost" || host.EndsWith(".localhost", StringComparison.Ordinal) || host.EndsWith(".internal", StringComparison.Ordinal) || host.EndsWith(".local", StringComparison.Ordinal))
        {
            return $"host {host} is internal";
        }

        IPAddress[] addresses;
        try
        {
            addresses = IPAddress.TryParse(host.Trim('[', ']'), out var literal) ? [literal] : await Dns.GetHostAddressesAsync(host, ct);
        }
        catch (SocketException ex)
        {
            return $"host {host} could not be resolved: {ex.Message}";
        }

        return addresses.Length == 0 || addresses.Any(IsBlocked) ? $"host {host} resolves to a private or internal address" : null;
    }

    /// <summary>Downloads the URL (following checked redirects); returns the bytes and content type.</summary>
    public async Task<(byte[] Bytes, string? ContentType)> FetchAsync(Uri url, IReadOnlyList<string> allowlist, long maxBytes, CancellationToken ct)
    {
        for (var hop = 0; ; hop++)
        {
            if (await CheckAsync(url, allowlist, ct) is { } problem)
            {
                throw new InvalidDataException(problem);
            }

            using var response = await _client.GetAsync(url, HttpCompletionOption.ResponseHeadersRead, ct);
            if ((int)response.StatusCode is >= 300 and < 400 && response.Headers.Location is { } location)
            {
                if (hop >= MaxRedirects)
                {
                    throw new InvalidDataException("too many redirects");
                }

                url = new Uri(url, location);
                continue;
            }

            response.EnsureSuccessStatusCode();
            if (response.Content.Headers.ContentLength > maxBytes)
            {
                throw new InvalidDataException($"{url} is larger than {maxBytes} bytes");
            }

            await using var stream = await response.Content.ReadAsStreamAsync(ct);
            using var buffer = new MemoryStream();
            var chunk = new byte[81920];
            int read;
            while ((read = await stream.ReadAsync(chunk, ct)) > 0)
            {
                buffer.Write(chunk, 0, read);
                if (buffer.Length > maxBytes)
                {
                    throw new InvalidDataException($"{url} is larger than {maxBytes} bytes");
                }
            }

            return (buffer.ToArray(), response.Content.Headers.ContentType?.MediaType);
        }
    }

    public static bool IsBlocked(IPAddress address)
    {
        var ip = ClientAddress.Normalize(address);
        if (IPAddress.IsLoopback(ip) || ClientAddress.IsPrivate(ip) || ip.Equals(IPAddress.Any) || ip.Equals(IPAddress.IPv6Any) || ip.IsIPv6Multicast)
        {
            return true;
        }

        var b = ip.GetAddressBytes();
        return ip.AddressFamily == AddressFamily.InterNetwork && (b[0] == 0 || b[0] == 169 && b[1] == 254 || b[0] == 100 && b[1] >= 64 && b[1] < 128 || b[0] >= 224);
    }

    private static bool HostMatches(string host, string entry)
        => entry.StartsWith("*.", StringComparison.Ordinal) ? host.EndsWith(entry[1..], StringComparison.Ordinal) : host == entry;

    public void Dispose() => _client.Dispose();
}
