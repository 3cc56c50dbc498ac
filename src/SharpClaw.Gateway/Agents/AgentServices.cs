using System.Text.Json.Nodes;
using SharpClaw.Agents.Runs;
using SharpClaw.Agents.Sessions;
using SharpClaw.Agents.Workspace;

namespace SharpClaw.Gateway.Agents;

/// <summary>The agent side of the gateway: runtime, sessions, catalog, models.</summary>
public sealed class AgentServices
{
    public required AgentRuntime Runtime { get; init; }

    public required SessionStore Sessions { get; init; }

    public required AgentCatalog Catalog { get; init; }

    public required Compactor Compactor { get; init; }

    public required SystemEventQueue SystemEvents { get; init; }

    /// <summary>Per-run event listeners (HTTP streaming); null when runs only broadcast.</summary>
    public RunEventTap? RunEvents { get; init; }

    /// <summary>models.list payload rows (configured + discovered models with their state).</summary>
    public required Func<CancellationToken, Task<JsonArray>> ListModels { get; init; }

    /// <summary>The registered agent tools (tools.catalog, HTTP <c>/tools/invoke</c>).</summary>
    public required SharpClaw.Agents.Tools.ToolRegistry Tools { get; init; }

    /// <summary>Outbound message channels (the <c>message</c> tool, hook delivery); built in: <c>webchat</c>.</summary>
    public SharpClaw.Agents.Tools.Messaging.MessageChannels Channels { get; init; } = new();

    /// <summary>Background processes started by the process tool (killed on session end and gateway stop).</summary>
    public required SharpClaw.Agents.Tools.Exec.BackgroundProcesses Processes { get; init; }

    /// <summary>Pending exec approvals (exec tool ↔ exec.approval.* methods).</summary>
    public required SharpClaw.Agents.Tools.Exec.ExecApprovalManager ExecApprovals { get; init; }

    /// <summary>Provider health for status (cooldowns, disabled providers).</summary>
    public Func<JsonObject>? ProviderStatus { get; init; }
}
