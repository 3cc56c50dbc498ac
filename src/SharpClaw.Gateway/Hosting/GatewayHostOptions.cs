using SharpClaw.Core.State;

namespace SharpClaw.Gateway.Hosting;

/// <summary>Command-line level options for running the gateway; they override the config file.</summary>
public sealed class GatewayHostOptions
{
    public StatePaths Paths { get; init; } = StatePaths.Resolve();

    /// <summary>Overrides gateway.port; 0 picks a free port (tests).</summary>
    public int? Port { get; init; }

    /// <summary>Overrides gateway.bind (loopback | lan | custom host/IP).</summary>
    public string? Bind { get; init; }

    public string? Token { get; init; }

    public string? Password { get; init; }

    public bool Verbose { get; init; }

    /// <summary>Where human-facing start-up lines go (defaults to stderr).</summary>
    public TextWriter? Console { get; init; }

    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>Tailscale identity lookup (tests inject a fake).</summary>
    public Auth.ITailscaleWhois? Tailscale { get; init; }

    /// <summary>Overrides the 15 s handshake timeout (tests).</summary>
    public TimeSpan? HandshakeTimeout { get; init; }

    /// <summary>Overrides the protocol's 30 s <c>tick</c> interval (tests only; hello-ok reports it).</summary>
    internal TimeSpan? TickInterval { get; init; }

    /// <summary>Extra methods (later features and tests).</summary>
    public Action<Runtime.GatewayServices, Rpc.MethodRegistry>? ConfigureMethods { get; init; }

    /// <summary>Extra HTTP endpoints, with the gateway's HTTP authenticator.</summary>
    public Action<Microsoft.AspNetCore.Builder.WebApplication, Runtime.GatewayServices, Http.HttpAuthenticator>? ConfigureApp { get; init; }

    /// <summary>Model access for agent runs (tests inject a scripted fake; default: configured providers).</summary>
    public SharpClaw.Agents.Runs.IModelInvoker? ModelInvoker { get; init; }

    /// <summary>Environment lookup (tests inject their own).</summary>
    public Func<string, string?> Environment { get; init; } = System.Environment.GetEnvironmentVariable;
}
