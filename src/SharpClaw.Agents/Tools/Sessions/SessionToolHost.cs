using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using SharpClaw.Agents.Runs;
using SharpClaw.Agents.Sessions;

namespace SharpClaw.Agents.Tools.Sessions;

/// <summary>
/// What the session tools share: the session store, the runtime (attached after it is built, since the runtime
/// needs the tool registry first), config, time and the sub-agents spawned per parent session.
/// </summary>
public sealed class SessionToolHost(SessionStore sessions, Func<JsonObject?> config, TimeProvider time)
{
    private AgentRuntime? _runtime;

    public SessionStore Sessions => sessions;

    public Func<JsonObject?> Config => config;

    public TimeProvider Time => time;

    public ConcurrentDictionary<string, SubagentRecord> Subagents { get; } = new(StringComparer.Ordinal);

    public AgentRuntime Runtime => _runtime ?? throw new ToolRefusedException("the agent runtime is not available in this host");

    public void Attach(AgentRuntime runtime) => _runtime = runtime;

    public int MaxSpawnDepth => (int?)config()?["agents"]?["defaults"]?["subagents"]?["maxSpawnDepth"] ?? 1;

    public int MaxChildren => (int?)config()?["agents"]?["defaults"]?["subagents"]?["maxChildrenPerAgent"] ?? 5;
}
