using System.Text.Json.Nodes;
using SharpClaw.Agents.Runs;
using SharpClaw.Agents.Sessions;
using SharpClaw.Agents.Tools;
using SharpClaw.Agents.Workspace;
using SharpClaw.Core.Config;
using SharpClaw.Core.State;

namespace SharpClaw.Gateway.Hosting;

/// <summary>The agent runtime without a gateway (for <c>sharpclaw agent --local</c>), on the same state database.</summary>
public sealed class LocalAgentHost : IAsyncDisposable, IAgentEventSink
{
    private readonly AgentRuntime _runtime;
    private readonly ConfigStore _config;

    private LocalAgentHost(AgentRuntime runtime, ConfigStore config)
    {
        _runtime = runtime;
        _config = config;
    }

    public event Action<string, JsonObject>? Events;

    public static async Task<LocalAgentHost> CreateAsync(StatePaths paths, Func<string, string?> env, TimeProvider time, CancellationToken ct)
    {
        paths.EnsureStateDir();
        var config = await ConfigStore.LoadAsync(paths.ConfigPath, paths.StateDir, env, time, ct);
        var db = new StateDatabase(paths.DatabasePath, env("SHARPCLAW_FSYNC_COMMITS") is "1" or "true");
        await db.InitializeAsync(GatewayMigrations.All, time, ct);
        var sessions = new SessionStore(db, time);
        var models = ModelAccess.Create(() => config.Current.Resolved, env, time, paths.StateDir, db);
        var tools = new ToolRegistry();
        tools.Register(new SessionStatusTool(sessions));
        BuiltInTools.RegisterFileTools(tools, () => config.Current.Resolved);
        var noApprovers = new SharpClaw.Agents.Tools.Exec.ExecApprovalManager(time, (_, _) => { }, () => false);
#pragma warning disable CA2000 // lives as long as the process-local host
        tools.Register(new SharpClaw.Agents.Tools.Exec.ExecTool(new SharpClaw.Agents.Tools.Exec.ExecAuthorizer(() => config.Current.Resolved, new SharpClaw.Agents.Tools.Exec.ExecApprovalsFile(paths.StateDir, time), noApprovers), time));
#pragma warning restore CA2000
        var compactor = new Compactor(sessions, models, time);
        var runner = new AgentTurnRunner(sessions, tools, models, compactor, time) { PolicyConfig = () => config.Current.Resolved };
        LocalAgentHost? host = null;
        var sink = new DelegatingSink((name, payload, _) => host?.Publish(name, payload, false));
        host = new LocalAgentHost(new AgentRuntime(new AgentCatalog(() => config.Current.Resolved, paths.StateDir), runner, sink, time), config);
        return host;
    }

    public async Task<AgentRunResult> RunAsync(AgentRunRequest request, CancellationToken ct)
    {
        var (run, _) = _runtime.Start(request);
        using var reg = ct.Register(run.Abort);
        return await run.Completion;
    }

    public void Publish(string eventName, JsonObject payload, bool dropIfSlow) => Events?.Invoke(eventName, payload);

    public ValueTask DisposeAsync()
    {
        _config.Dispose();
        return ValueTask.CompletedTask;
    }

    private sealed class DelegatingSink(Action<string, JsonObject, bool> publish) : IAgentEventSink
    {
        public void Publish(string eventName, JsonObject payload, bool dropIfSlow) => publish(eventName, payload, dropIfSlow);
    }
}
