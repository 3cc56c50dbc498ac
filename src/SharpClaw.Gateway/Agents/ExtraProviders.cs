using System.Text.Json.Nodes;
using SharpClaw.Providers.Registry;

namespace SharpClaw.Gateway.Agents;

/// <summary>Providers implemented outside the registry's built-ins (Gemini, Bedrock, Copilot) — registered here.</summary>
internal static class ExtraProviders
{
    public static IReadOnlyList<ModelProviderRegistration> Create(JsonObject? config, Func<string, string?> env, TimeProvider time)
    {
        _ = config;
        _ = env;
        _ = time;
        return [];
    }
}
