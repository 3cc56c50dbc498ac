using System.Text.Json.Nodes;
using SharpClaw.Agents.Runs;
using SharpClaw.Agents.Sessions;
using SharpClaw.Agents.Tools;
using SharpClaw.Agents.Workspace;
using SharpClaw.Gateway.Agents;
using SharpClaw.Gateway.Runtime;

namespace SharpClaw.Gateway.Hosting;

/// <summary>Builds the agent side of the gateway (sessions, tools, runtime, model access).</summary>
internal static class AgentComposition
{
    public static AgentServices Build(GatewayHostOptions options, GatewayServices services, GatewayConfiguration config)
    {
        var time = services.Time;
        var sessions = new SessionStore(services.Database, time);
        var catalog = new AgentCatalog(() => config.Root, services.Paths.StateDir);
        var models = options.ModelInvoker ?? ModelAccess.Create(() => config.Root, options.Environment, time, services.Paths.StateDir, services.Database);
        var tools = new ToolRegistry();
        tools.Register(new SessionStatusTool(sessions));
        BuiltInTools.RegisterFileTools(tools, () => config.Root);
        var (execApprovals, processes) = ExecApprovalComposition.Build(services, tools, () => config.Root);
        var channels = new SharpClaw.Agents.Tools.Messaging.MessageChannels();
        var sessionTools = SessionToolComposition.Register(services, tools, sessions, channels, () => config.Root);
        var compactor = new Compactor(sessions, models, time);
        var runner = new AgentTurnRunner(sessions, tools, models, compactor, time)
        {
            SessionConfig = () => config.Root?["session"] as JsonObject,
            PolicyConfig = () => config.Root,
            ContextWindowOf = modelRef => models is ProviderModelInvoker invoker ? invoker.ContextWindowOf(modelRef) : Compactor.DefaultContextWindow,
        };
        var runEvents = new RunEventTap(new GatewayAgentEventSink(services.Connections));
        var runtime = new AgentRuntime(catalog, runner, runEvents, time);
        sessionTools.Attach(runtime);
        return new AgentServices
        {
            Runtime = runtime,
            Sessions = sessions,
            Catalog = catalog,
            Compactor = compactor,
            SystemEvents = new SystemEventQueue(),
            ExecApprovals = execApprovals,
            RunEvents = runEvents,
            Tools = tools,
            Channels = channels,
            Processes = processes,
            ListModels = models is ProviderModelInvoker invoker ? invoker.ListModelsAsync : _ => Task.FromResult(new JsonArray()),
            ProviderStatus = models is ProviderModelInvoker withHealth ? withHealth.Health.ToStatusJson : null,
        };
    }
}
