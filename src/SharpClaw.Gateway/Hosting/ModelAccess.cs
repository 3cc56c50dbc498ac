using System.Text.Json.Nodes;
using SharpClaw.Agents.Runs;
using SharpClaw.Gateway.Agents;

namespace SharpClaw.Gateway.Hosting;

/// <summary>Builds the model invoker from the configured providers.</summary>
public static class ModelAccess
{
    public static IModelInvoker Create(Func<JsonObject?> config, Func<string, string?> env, TimeProvider time, string? stateDir = null)
        => new ProviderModelInvoker(config, env, time, stateDir);
}
