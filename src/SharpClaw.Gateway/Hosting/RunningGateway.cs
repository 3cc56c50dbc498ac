using System.Net.WebSockets;
using Microsoft.AspNetCore.Builder;
using SharpClaw.Gateway.Runtime;

namespace SharpClaw.Gateway.Hosting;

/// <summary>A started gateway: where it listens and how to stop it.</summary>
public sealed class RunningGateway : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly GatewayConfiguration _config;
    private readonly BackgroundLoops _background;
    private readonly InstanceLock _lock;
    private int _disposed;

    internal RunningGateway(WebApplication app, GatewayServices services, GatewayConfiguration config, BackgroundLoops background, InstanceLock instanceLock)
    {
        _app = app;
        Services = services;
        _config = config;
        _background = background;
        _lock = instanceLock;
    }

    public required int Port { get; init; }

    public required Uri HttpUrl { get; init; }

    public required Uri WsUrl { get; init; }

    public GatewayServices Services { get; }

    public GatewayConfiguration Config => _config;

    /// <summary>Completes when the host stops; throws if <paramref name="cancellationToken"/> fires first.</summary>
    public async Task WaitForShutdownAsync(CancellationToken cancellationToken = default)
    {
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _app.Lifetime.ApplicationStopping);
        try
        {
            await Task.Delay(Timeout.Infinite, linked.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
        }
    }

    /// <summary>Graceful stop: <c>shutdown</c> event, close every client 1012, stop Kestrel, release the lock.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        try
        {
            await _background.ShutdownClientsAsync("gateway stopping");
        }
        catch (TimeoutException)
        {
        }

        await _background.DisposeAsync();
        using (var cts = new CancellationTokenSource(TimeSpan.FromSeconds(5)))
        {
            await _app.StopAsync(cts.Token);
        }

        await _app.DisposeAsync();
        Services.Agents?.Processes.Dispose();
        Services.FileLog.Dispose();
        _config.Dispose();
        _lock.Dispose();
    }

    internal static WebSocketCloseStatus ServiceRestart => (WebSocketCloseStatus)1012;
}
