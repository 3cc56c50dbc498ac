using System.Text.Json.Nodes;
using SharpClaw.Agents.Runs;
using SharpClaw.Core.State;
using SharpClaw.Gateway.Agents;
using SharpClaw.Gateway.Agents.Failover;

namespace SharpClaw.Gateway.Hosting;

/// <summary>Builds the model invoker from the configured providers.</summary>
public static class ModelAccess
{
    public static IModelInvoker Create(Func<JsonObject?> config, Func<string, string?> env, TimeProvider time, string? stateDir = null, StateDatabase? database = null)
        => new ProviderModelInvoker(config, env, time, stateDir, new ProviderHealth(time, database is null ? null : new SqliteAuthProfileStateStore(database, time)));
}
