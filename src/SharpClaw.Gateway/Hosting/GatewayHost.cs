using System.Net;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SharpClaw.Core.Logging;
using SharpClaw.Core.Pairing;
using SharpClaw.Core.State;
using SharpClaw.Gateway.Auth;
using SharpClaw.Gateway.Connections;
using SharpClaw.Gateway.Handshake;
using SharpClaw.Gateway.Http;
using SharpClaw.Gateway.Methods;
using SharpClaw.Gateway.Rpc;
using SharpClaw.Gateway.Runtime;

namespace SharpClaw.Gateway.Hosting;

/// <summary>Builds and runs the gateway in-process: one Kestrel port for WebSocket RPC and HTTP.</summary>
public static class GatewayHost
{
    /// <summary>Starts the gateway and returns once it listens.</summary>
    public static async Task<RunningGateway> StartAsync(GatewayHostOptions options, CancellationToken cancellationToken = default)
    {
        var paths = options.Paths;
        paths.EnsureStateDir();
        var instanceLock = InstanceLock.Acquire(paths.LockPath);
        try
        {
            return await StartLockedAsync(options, instanceLock, cancellationToken);
        }
        catch
        {
            instanceLock.Dispose();
            throw;
        }
    }

    /// <summary>Runs until SIGINT/SIGTERM or cancellation; returns the process exit code.</summary>
    public static async Task<int> RunAsync(GatewayHostOptions options, CancellationToken cancellationToken = default)
    {
        var console = options.Console ?? Console.Error;
        RunningGateway gateway;
        try
        {
            gateway = await StartAsync(options, cancellationToken);
        }
        catch (GatewayStartException ex)
        {
            await console.WriteLineAsync("sharpclaw: " + ex.Message);
            return 1;
        }

        await using (gateway)
        {
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            using var sigterm = System.Runtime.InteropServices.PosixSignalRegistration.Create(System.Runtime.InteropServices.PosixSignal.SIGTERM, ctx => { ctx.Cancel = true; stop.Cancel(); });
            using var sigint = System.Runtime.InteropServices.PosixSignalRegistration.Create(System.Runtime.InteropServices.PosixSignal.SIGINT, ctx => { ctx.Cancel = true; stop.Cancel(); });
            try
            {
                await gateway.WaitForShutdownAsync(stop.Token);
            }
            catch (OperationCanceledException)
            {
            }

            await console.WriteLineAsync("sharpclaw: shutting down");
        }

        return 0;
    }

    private static async Task<RunningGateway> StartLockedAsync(GatewayHostOptions options, InstanceLock instanceLock, CancellationToken cancellationToken)
    {
        var console = options.Console ?? Console.Error;
        var time = options.TimeProvider;
        var config = await GatewayConfiguration.LoadAsync(options, console, cancellationToken);
        var info = new GatewayInfo(time);
        var database = new StateDatabase(options.Paths.DatabasePath, options.Environment("SHARPCLAW_FSYNC_COMMITS") is "1" or "true");
        await database.InitializeAsync(GatewayMigrations.All, time, cancellationToken);

        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [], ApplicationName = "SharpClaw" });
        builder.Logging.ClearProviders();
        if (options.Verbose)
        {
            builder.Logging.AddSimpleConsole(o => { o.SingleLine = true; o.TimestampFormat = "HH:mm:ss "; });
            builder.Logging.SetMinimumLevel(LogLevel.Debug);
        }
        else
        {
            builder.Logging.SetMinimumLevel(LogLevel.Information);
        }

        var fileLog = new JsonLinesLoggerProvider(options.Paths.LogDir, time, options.Verbose ? LogLevel.Debug : LogLevel.Information);
        builder.Logging.AddProvider(fileLog);
        SecretRedactor.AddKnownSecret(config.Current.Token);
        SecretRedactor.AddKnownSecret(config.Current.Password);
        SecretRedactor.AddKnownSecret(config.Current.HooksToken);
        builder.Services.AddSingleton(time);
        var settings = config.Current;
        var bindAddresses = ResolveBind(settings);
        builder.WebHost.ConfigureKestrel(k =>
        {
            k.AddServerHeader = false;
            k.Limits.MaxRequestBodySize = 32 * 1024 * 1024;
            foreach (var address in bindAddresses)
            {
                k.Listen(address, settings.Port);
            }
        });

        var app = builder.Build();
        var loggerFactory = app.Services.GetRequiredService<ILoggerFactory>();
        var registry = new ConnectionRegistry();
        var methods = new MethodRegistry();
        var services = new GatewayServices
        {
            Info = info,
            Paths = options.Paths,
            Settings = () => config.Current,
            Database = database,
            Devices = new DeviceStore(database, time),
            Connections = registry,
            Presence = new PresenceTracker(info, registry),
            Health = new HealthState(info),
            AuthLimiter = new AuthRateLimiter(time, () => config.Current.RateLimit),
            Tailscale = options.Tailscale ?? new TailscaleCliWhois(),
            Methods = methods,
            Dispatcher = new RpcDispatcher(methods, new IdempotencyCache(time), new ControlPlaneRateLimiter(time), loggerFactory.CreateLogger("gateway/rpc")),
            LoggerFactory = loggerFactory,
            FileLog = fileLog,
            TickIntervalMs = (int?)options.TickInterval?.TotalMilliseconds ?? Protocol.ProtocolConstants.TickIntervalMs,
        };
        var agentServices = AgentComposition.Build(options, services, config);
        services.Agents = agentServices;
        new SystemMethods(services, config.StatusNode).Register(methods);
        new AgentMethods(services, agentServices).Register(methods);
        new SessionMethods(services, agentServices).Register(methods);
        new SessionSubscriptionMethods(agentServices).Register(methods);
        new UsageMethods(services, agentServices).Register(methods);
        new AgentsMethods(agentServices, config).Register(methods);
        new DeviceMethods(services).Register(methods);
        new NodeMethods(services).Register(methods);
        new LogMethods(services).Register(methods);
        new ExecApprovalMethods(agentServices.ExecApprovals).Register(methods);
        new ToolsCatalogMethods(agentServices.Catalog, agentServices.Tools).Register(methods);
        config.RegisterMethods(methods);
        options.ConfigureMethods?.Invoke(services, methods);

        var session = new WebSocketSession(services, new ConnectHandler(services)) { HandshakeTimeout = options.HandshakeTimeout ?? TimeSpan.FromMilliseconds(Protocol.ProtocolConstants.HandshakeTimeoutMs) };
        app.UseWebSockets();
        app.Use(async (http, next) =>
        {
            if (http.WebSockets.IsWebSocketRequest)
            {
                await session.RunAsync(http);
                return;
            }

            await next(http);
        });
        HttpSurfaces.Map(app, services, () => config.Root, new HttpAuthenticator(services));
        MapProbes(app, services);
        options.ConfigureApp?.Invoke(app, services, new HttpAuthenticator(services));
        ControlUi.ControlUiMiddleware.Use(app, services, options.Environment);

        var background = new BackgroundLoops(services, config);
        app.Lifetime.ApplicationStopping.Register(() => background.ShutdownClients("gateway stopping"));
        await app.StartAsync(cancellationToken);
        var port = ResolvePort(app, settings.Port);
        services.ListenPort = port;
        background.Start();
        var host = bindAddresses[0].Equals(IPAddress.Any) || bindAddresses[0].Equals(IPAddress.IPv6Any) ? "127.0.0.1" : bindAddresses[0].ToString();
        if (host.Contains(':', StringComparison.Ordinal))
        {
            host = $"[{host}]";
        }

        await console.WriteLineAsync($"sharpclaw: gateway listening on ws://{host}:{port} (bind {settings.Bind}, auth {settings.AuthMode})");
        return new RunningGateway(app, services, config, background, instanceLock)
        {
            Port = port,
            HttpUrl = new Uri($"http://{host}:{port}/"),
            WsUrl = new Uri($"ws://{host}:{port}/"),
        };
    }

    private static void MapProbes(WebApplication app, GatewayServices services)
    {
        Task Probe(HttpContext http)
        {
            http.Response.Headers.CacheControl = "no-store";
            http.Response.ContentType = "application/json";
            var body = new JsonObject
            {
                ["ok"] = true,
                ["status"] = "live",
                ["uptime"] = services.Info.UptimeMs / 1000.0,
                ["uptimeMs"] = services.Info.UptimeMs,
                ["version"] = GatewayInfo.Version,
            };
            return http.Response.WriteAsync(body.ToJsonString());
        }

        foreach (var path in new[] { "/health", "/healthz", "/ready", "/readyz" })
        {
            app.MapGet(path, (RequestDelegate)Probe);
        }
    }

    private static IPAddress[] ResolveBind(GatewayRuntimeSettings settings)
    {
        return settings.Bind switch
        {
            "loopback" or "" => [IPAddress.Loopback],
            "lan" or "auto" => [IPAddress.Any],
            "tailnet" => [IPAddress.Any],
            "custom" => [ParseHost(settings.CustomBindHost ?? throw new GatewayStartException("gateway.bind is \"custom\" but gateway.customBindHost is not set"))],
            var other => [ParseHost(other)],
        };
    }

    private static IPAddress ParseHost(string host)
    {
        if (host == "localhost")
        {
            return IPAddress.Loopback;
        }

        return IPAddress.TryParse(host, out var ip) ? ip : throw new GatewayStartException($"gateway.bind: \"{host}\" is not loopback, lan, custom or an IP address");
    }

    private static int ResolvePort(WebApplication app, int configured)
    {
        if (configured != 0)
        {
            return configured;
        }

        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        foreach (var a in addresses)
        {
            if (Uri.TryCreate(a.Replace("[::]", "127.0.0.1", StringComparison.Ordinal), UriKind.Absolute, out var uri))
            {
                return uri.Port;
            }
        }

        return configured;
    }

    internal static bool IsLoopbackBind(GatewayRuntimeSettings settings)
        => settings.Bind is "loopback" or "" || (settings.Bind == "custom" ? IsLoopbackHost(settings.CustomBindHost) : IsLoopbackHost(settings.Bind));

    private static bool IsLoopbackHost(string? host)
        => host is "localhost" || (host is not null && IPAddress.TryParse(host, out var ip) && IPAddress.IsLoopback(ip));
}
