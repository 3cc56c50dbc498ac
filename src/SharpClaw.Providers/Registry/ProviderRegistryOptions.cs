namespace SharpClaw.Providers.Registry;

/// <summary>Everything the registry takes from outside the config tree (all injectable for tests).</summary>
internal sealed class ProviderRegistryOptions
{
    /// <summary>Env lookup for API keys and SecretRefs (default: the process environment).</summary>
    public Func<string, string?> Environment { get; init; } = System.Environment.GetEnvironmentVariable;

    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>HTTP transport under every provider client (default: a shared pooled <see cref="SocketsHttpHandler"/>).</summary>
    public HttpMessageHandler? Transport { get; init; }

    /// <summary>Where Ollama is probed and called when config has no <c>models.providers.ollama.baseUrl</c>.</summary>
    public Uri OllamaUrl { get; init; } = new(BuiltInProviders.DefaultOllamaUrl);

    /// <summary>Probe <see cref="OllamaUrl"/> (<c>GET /api/tags</c>) to auto-enable Ollama without config.</summary>
    public bool DetectOllama { get; init; } = true;

    public TimeSpan OllamaDetectTimeout { get; init; } = TimeSpan.FromMilliseconds(1500);

    /// <summary>Budget for remote model discovery (vLLM <c>GET /models</c>).</summary>
    public TimeSpan DiscoveryTimeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Providers implemented elsewhere (google, amazon-bedrock, github-copilot, …).</summary>
    public IReadOnlyList<ModelProviderRegistration> Registrations { get; init; } = [];
}
