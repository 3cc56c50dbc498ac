using System.Text.Json.Nodes;
using SharpClaw.Agents.Tools;
using SharpClaw.Agents.Tools.Exec;
using SharpClaw.Gateway.Runtime;
using SharpClaw.Protocol.Auth;

namespace SharpClaw.Gateway.Hosting;

/// <summary>Wires exec and process to the gateway: approvals broadcast to operator.approvals clients, allow-always in the state dir.</summary>
internal static class ExecApprovalComposition
{
    public static (ExecApprovalManager Approvals, BackgroundProcesses Processes) Build(GatewayServices services, ToolRegistry tools, Func<JsonObject?> config)
    {
        var manager = new ExecApprovalManager(
            services.Time,
            (name, payload) => services.Connections.Broadcast(name, payload),
            () => services.Connections.Authenticated.Any(c => c.Identity?.Role == "operator" && c.HasScope(OperatorScopes.Approvals)));
        var store = new ExecApprovalsFile(services.Paths.StateDir, services.Time);
        var authorizer = new ExecAuthorizer(config, store, manager);
        var processes = new BackgroundProcesses(services.Time);
        tools.Register(new ExecTool(authorizer, services.Time));
        tools.Register(new ProcessTool(authorizer, processes));
        return (manager, processes);
    }
}
