namespace SharpClaw.Providers.Common;

/// <summary>The process-wide connection pool all provider HTTP clients share.</summary>
internal static class SharedHttpTransport
{
    public static readonly HttpMessageHandler Instance = new SocketsHttpHandler
    {
        PooledConnectionLifetime = TimeSpan.FromMinutes(5),
        ConnectTimeout = TimeSpan.FromSeconds(15),
        AutomaticDecompression = System.Net.DecompressionMethods.All,
    };
}
