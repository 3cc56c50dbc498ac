using System.Text.Json.Nodes;
using SharpClaw.Providers.Bedrock;
using SharpClaw.Providers.Copilot;
using SharpClaw.Providers.Gemini;
using SharpClaw.Providers.Registry;

namespace SharpClaw.Gateway.Agents;

/// <summary>
/// Providers implemented outside the registry's built-ins: <c>google</c> (GEMINI_API_KEY / GOOGLE_API_KEY /
/// models.providers.google.apiKey), <c>amazon-bedrock</c> (AWS credential chain, models.bedrockDiscovery) and
/// <c>github-copilot</c> (login store under the state dir, COPILOT_GITHUB_TOKEN / GH_TOKEN / GITHUB_TOKEN). Each
/// reports itself unconfigured when its credentials are missing; the registry keeps going either way.
/// </summary>
internal static class ExtraProviders
{
    public static IReadOnlyList<ModelProviderRegistration> Create(JsonObject? config, Func<string, string?> env, TimeProvider time, string? stateDir = null)
    {
        _ = config;
        _ = env;
        _ = time;
        return [GeminiProvider.Registration, BedrockProvider.Registration, CopilotProvider.Registration(stateDir)];
    }
}
