using System.Diagnostics;
using System.Text.Json.Nodes;
using SharpClaw.Gateway.Rpc;
using SharpClaw.Gateway.Runtime;
using SharpClaw.Protocol.Frames;

namespace SharpClaw.Gateway.Methods;

/// <summary><c>health</c>, <c>status</c>, <c>system-presence</c>, <c>last-heartbeat</c>.</summary>
public sealed class SystemMethods(GatewayServices s, Func<JsonObject> configStatus)
{
    public void Register(MethodRegistry registry)
    {
        registry.Add("health", _ => ValueTask.FromResult(JsonPayload.FromRaw(s.Health.RpcPayload())));
        registry.Add("status", StatusAsync);
        registry.Add("system-presence", _ => ValueTask.FromResult(JsonPayload.From(s.Presence.Snapshot())));
        registry.Add("last-heartbeat", _ => ValueTask.FromResult(JsonPayload.From(null)));
    }

    private async ValueTask<JsonPayload> StatusAsync(RpcContext ctx)
    {
        ParamReader.Object(ctx);
        var settings = s.Settings();
        var connections = s.Connections.Authenticated.ToList();
        var devices = await s.Devices.ListDevicesAsync(ctx.CancellationToken);
        var pending = await s.Devices.ListRequestsAsync(ctx.CancellationToken);
        using var process = Process.GetCurrentProcess();
        var result = new JsonObject
        {
            ["ok"] = true,
            ["version"] = GatewayInfo.Version,
            ["runtime"] = $".NET {Environment.Version}",
            ["platform"] = OperatingSystem.IsLinux() ? "linux" : Environment.OSVersion.Platform.ToString().ToLowerInvariant(),
            ["bootId"] = s.Info.BootId,
            ["startedAtMs"] = s.Info.StartedAtMs,
            ["uptimeMs"] = s.Info.UptimeMs,
            ["gateway"] = new JsonObject
            {
                ["port"] = s.ListenPort,
                ["bind"] = settings.Bind,
                ["authMode"] = settings.AuthMode,
            },
            ["connections"] = new JsonObject
            {
                ["total"] = connections.Count,
                ["operators"] = connections.Count(c => c.Identity!.Role == "operator"),
                ["nodes"] = connections.Count(c => c.Identity!.Role == "node"),
            },
            ["devices"] = new JsonObject { ["paired"] = devices.Count, ["pending"] = pending.Count },
            ["config"] = configStatus(),
            ["memory"] = new JsonObject
            {
                ["rssBytes"] = process.WorkingSet64,
                ["managedBytes"] = GC.GetTotalMemory(false),
            },
            ["sessionDefaults"] = new JsonObject { ["defaultAgentId"] = "main", ["mainSessionKey"] = "agent:main:main" },
            ["providers"] = s.Agents?.ProviderStatus?.Invoke(),
        };
        if (ctx.IsAdmin)
        {
            result["pid"] = Environment.ProcessId;
            result["stateDir"] = s.Paths.StateDir;
            result["configPath"] = s.Paths.ConfigPath;
        }

        return result;
    }
}
