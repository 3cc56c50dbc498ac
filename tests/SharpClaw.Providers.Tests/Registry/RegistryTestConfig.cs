using System.Text.Json.Nodes;
using SharpClaw.Providers.Registry;

namespace SharpClaw.Providers.Tests.Registry;

/// <summary>Config/env builders for registry tests: never the real environment, never a real Ollama probe.</summary>
internal static class RegistryTestConfig
{
    public static JsonObject Parse(string json) => JsonNode.Parse(json)!.AsObject();

    public static ProviderRegistryOptions Options(Dictionary<string, string>? env = null, Uri? ollamaUrl = null, IReadOnlyList<ModelProviderRegistration>? registrations = null)
    {
        env ??= [];
        return new ProviderRegistryOptions
        {
            Environment = name => env.TryGetValue(name, out var value) ? value : null,
            DetectOllama = ollamaUrl is not null,
            OllamaUrl = ollamaUrl ?? new Uri("http://127.0.0.1:9"),
            OllamaDetectTimeout = TimeSpan.FromSeconds(2),
            DiscoveryTimeout = TimeSpan.FromSeconds(2),
            Registrations = registrations ?? [],
        };
    }
}
