using SharpClaw.Providers.Abstractions;

namespace SharpClaw.Providers.Registry;

/// <summary>What SharpClaw knows about a bundled provider id without any config.</summary>
internal sealed record BuiltInProviderSpec(string Id, string Api, string? BaseUrl, IReadOnlyList<ModelDefinition> DefaultModels)
{
    /// <summary>False for local servers (vLLM, Ollama) that work without a key.</summary>
    public bool ApiKeyRequired { get; init; } = true;

    /// <summary>Models come from <c>GET {baseUrl}/models</c> (vLLM).</summary>
    public bool DiscoverModels { get; init; }

    /// <summary>Usable only once a probe of the local server succeeds (Ollama), unless configured explicitly.</summary>
    public bool AutoDetect { get; init; }

    /// <summary>The model used when this provider is the default and no model is named.</summary>
    public string? DefaultModelId => DefaultModels.Count > 0 ? DefaultModels[0].Ref.Model : null;

    /// <summary>What to tell the user when the provider is not usable; null → "set &lt;P&gt;_API_KEY (or models.providers.&lt;id&gt;.apiKey)".</summary>
    public string? SetupHint { get; init; }
}
