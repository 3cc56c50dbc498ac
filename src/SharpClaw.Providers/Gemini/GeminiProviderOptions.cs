using SharpClaw.Providers.Abstractions;
using SharpClaw.Providers.Common;

namespace SharpClaw.Providers.Gemini;

/// <summary>How a <see cref="GeminiProvider"/> is wired (the registry builds this from <c>models.providers.google</c>).</summary>
internal sealed record GeminiProviderOptions
{
    /// <summary>Provider id (<c>google</c>, or a custom id whose config says <c>api: google-generative-ai</c>).</summary>
    public string Id { get; init; } = GeminiProvider.ProviderId;

    /// <summary>Base URL, key and HTTP pipeline; null (or without a key) → not configured.</summary>
    public ProviderEndpoint? Endpoint { get; init; }

    /// <summary>Models from <c>models.providers.&lt;id&gt;.models[]</c>.</summary>
    public IReadOnlyList<ModelDefinition> ConfiguredModels { get; init; } = [];

    /// <summary>Add <see cref="GeminiModels.Defaults"/> (the bundled <c>google</c> provider outside <c>models.mode: replace</c>).</summary>
    public bool IncludeDefaultModels { get; init; } = true;

    /// <summary>List the account's models with <c>GET /v1beta/models</c> on the first <see cref="GeminiProvider.ListModelsAsync"/>.</summary>
    public bool DiscoverModels { get; init; } = true;

    public TimeSpan DiscoveryTimeout { get; init; } = TimeSpan.FromSeconds(5);
}
