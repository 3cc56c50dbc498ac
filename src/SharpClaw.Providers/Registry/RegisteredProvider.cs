using SharpClaw.Providers.Abstractions;

namespace SharpClaw.Providers.Registry;

/// <summary>A provider in the registry with the settings it was built from (for synchronous model lookups).</summary>
internal sealed class RegisteredProvider
{
    private readonly string? _registrationDefault;

    public RegisteredProvider(IModelProvider provider, ProviderSettings settings, string? registrationDefault = null)
    {
        Provider = provider;
        Settings = settings;
        _registrationDefault = registrationDefault;
    }

    public IModelProvider Provider { get; }

    public ProviderSettings Settings { get; }

    public string Id => Provider.Id;

    /// <summary>Configured + (for HTTP adapters) last discovered models; no I/O.</summary>
    public IReadOnlyList<ModelDefinition> KnownModels => Provider switch
    {
        ApiModelProvider api => api.KnownModels,
        IKnownModels known => known.KnownModels,
        _ => Settings.Models,
    };

    public string? DefaultModelId => Provider is ApiModelProvider api
        ? api.DefaultModelId
        : _registrationDefault ?? Settings.DefaultModelId;

    public ModelDefinition? Find(string modelId)
        => KnownModels.FirstOrDefault(m => string.Equals(m.Ref.Model, modelId, StringComparison.Ordinal))
           ?? KnownModels.FirstOrDefault(m => string.Equals(m.Ref.Model, modelId, StringComparison.OrdinalIgnoreCase));
}
