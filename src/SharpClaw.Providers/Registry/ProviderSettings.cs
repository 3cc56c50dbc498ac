using SharpClaw.Providers.Abstractions;

namespace SharpClaw.Providers.Registry;

/// <summary>
/// One provider's effective settings: built-in defaults merged with <c>models.providers.&lt;id&gt;</c> and the
/// resolved API key. Handed to provider factories (including other engineers' registrations).
/// </summary>
internal sealed record ProviderSettings
{
    public required string Id { get; init; }

    /// <summary>API kind (openclaw-core §5.1), e.g. <c>openai-completions</c>.</summary>
    public required string Api { get; init; }

    public Uri? BaseUrl { get; init; }

    public ResolvedApiKey? ApiKey { get; init; }

    public IReadOnlyDictionary<string, string> Headers { get; init; } = new Dictionary<string, string>();

    /// <summary>Configured models (config entries first, then built-in defaults not overridden by config).</summary>
    public IReadOnlyList<ModelDefinition> Models { get; init; } = [];

    public string? DefaultModelId { get; init; }

    /// <summary><c>models.providers.&lt;id&gt;.timeoutSeconds</c>.</summary>
    public TimeSpan? Timeout { get; init; }

    /// <summary>True when <c>models.providers.&lt;id&gt;</c> exists in config.</summary>
    public bool InConfig { get; init; }

    public bool ApiKeyRequired { get; init; } = true;

    public bool DiscoverModels { get; init; }

    public bool AutoDetect { get; init; }

    public required string SetupHint { get; init; }

    /// <summary>Usable without probing: has a base URL and, when one is required, a key (auto-detected providers only when configured explicitly).</summary>
    public bool ReadyWithoutProbe => BaseUrl is not null && (!ApiKeyRequired || ApiKey is not null) && (!AutoDetect || InConfig);
}
