using System.Net;
using System.Net.Sockets;

namespace SharpClaw.Providers.Tests.Infrastructure;

/// <summary>A loopback port with nothing listening on it (bound, read, released).</summary>
internal static class FreePort
{
    public static int Get()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
