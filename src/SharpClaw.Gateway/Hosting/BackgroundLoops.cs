using System.Text.Json.Nodes;
using SharpClaw.Gateway.Runtime;
using SharpClaw.Protocol.Events;

namespace SharpClaw.Gateway.Hosting;

/// <summary>The gateway's periodic work: <c>tick</c> every 30 s (policy.tickIntervalMs) and a <c>health</c> refresh every 60 s.</summary>
public sealed partial class BackgroundLoops(GatewayServices services, GatewayConfiguration config) : IAsyncDisposable
{
    private readonly Microsoft.Extensions.Logging.ILogger _logger = services.LoggerFactory.CreateLogger("gateway/config");

    private readonly CancellationTokenSource _stop = new();
    private Task _loops = Task.CompletedTask;
    private int _shutdown;

    public void Start()
    {
        config.Changed += OnConfigChanged;
        config.Store.ReloadFailed += OnReloadFailed;
        _loops = Task.WhenAll(TickLoopAsync(_stop.Token), HealthLoopAsync(_stop.Token));
    }

    /// <summary>Broadcasts <c>shutdown</c> and closes every socket with 1012 (once).</summary>
    public async Task ShutdownClientsAsync(string reason)
    {
        if (Interlocked.Exchange(ref _shutdown, 1) != 0)
        {
            return;
        }

        services.Draining = true;
        services.Connections.Broadcast(EventNames.Shutdown, new JsonObject { ["reason"] = reason });
        await services.Connections.CloseAllAsync(RunningGateway.ServiceRestart, "service restart").WaitAsync(TimeSpan.FromSeconds(3)).ConfigureAwait(false);
    }

    /// <summary>For host-initiated stops (the callback cannot be async).</summary>
    public void ShutdownClients(string reason)
    {
        try
        {
            ShutdownClientsAsync(reason).GetAwaiter().GetResult();
        }
        catch (TimeoutException)
        {
        }
    }

    private void OnReloadFailed(IReadOnlyList<Core.Config.ConfigIssue> issues)
        => LogReloadFailed(_logger, config.Store.Path, string.Join("; ", issues.Take(5)));

    [Microsoft.Extensions.Logging.LoggerMessage(Level = Microsoft.Extensions.Logging.LogLevel.Warning, Message = "config reload skipped (invalid config at {Path}; the previous config stays in effect): {Issues}")]
    private static partial void LogReloadFailed(Microsoft.Extensions.Logging.ILogger logger, string path, string issues);

    [Microsoft.Extensions.Logging.LoggerMessage(Level = Microsoft.Extensions.Logging.LogLevel.Information, Message = "config reloaded from {Path}")]
    private static partial void LogReloaded(Microsoft.Extensions.Logging.ILogger logger, string path);

    private void OnConfigChanged()
    {
        LogReloaded(_logger, config.Store.Path);
        services.Connections.Broadcast(EventNames.ConfigChanged, new JsonObject { ["ts"] = services.Info.NowMs, ["hash"] = config.Hash });
    }

    private async Task TickLoopAsync(CancellationToken ct)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(services.TickIntervalMs), services.Time);
        try
        {
            while (await timer.WaitForNextTickAsync(ct))
            {
                services.Connections.Broadcast(EventNames.Tick, new JsonObject { ["ts"] = services.Info.NowMs });
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    private async Task HealthLoopAsync(CancellationToken ct)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(60), services.Time);
        try
        {
            while (await timer.WaitForNextTickAsync(ct))
            {
                var version = services.Health.Bump();
                services.Connections.Broadcast(EventNames.Health, services.Health.Snapshot(), new Protocol.Frames.StateVersion(services.Presence.Version, version));
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    public async ValueTask DisposeAsync()
    {
        config.Changed -= OnConfigChanged;
        config.Store.ReloadFailed -= OnReloadFailed;
        await _stop.CancelAsync();
        await _loops;
        _stop.Dispose();
    }
}
