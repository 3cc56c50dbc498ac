using System.Text.Json.Nodes;
using SharpClaw.Providers.Abstractions;

namespace SharpClaw.Providers.Registry;

/// <summary>
/// The set of model providers built from the resolved config (<c>models.providers</c>, <c>agents.defaults.model(s)</c>)
/// and the environment, plus model-ref/alias resolution (openclaw-core §5.3). With no usable provider everything
/// still works; resolving a model then fails with <see cref="NoProviderMessage"/>, which names the env vars to set.
/// </summary>
internal sealed class ProviderRegistry
{
    private readonly List<RegisteredProvider> _providers;
    private readonly ModelAliasTable _aliases;
    private readonly ModelResolver _resolver;

    public ProviderRegistry(JsonObject? config, ProviderRegistryOptions? options = null)
    {
        config ??= [];
        _providers = ProviderCatalogBuilder.Build(config, options ?? new ProviderRegistryOptions());
        _aliases = new ModelAliasTable(config);
        _resolver = new ModelResolver(_providers, _aliases, ReadConfiguredDefault(config));
    }

    /// <summary>Builds the registry and runs local-server detection (Ollama) and model discovery (vLLM) once.</summary>
    public static async Task<ProviderRegistry> CreateAsync(JsonObject? config, ProviderRegistryOptions? options = null, CancellationToken cancellationToken = default)
    {
        var registry = new ProviderRegistry(config, options);
        await registry.DetectAsync(cancellationToken);
        return registry;
    }

    /// <summary>All providers in default-preference order, configured or not.</summary>
    public IReadOnlyList<IModelProvider> Providers => _providers.ConvertAll(p => p.Provider);

    public bool HasConfiguredProvider => _resolver.HasConfiguredProvider;

    /// <summary>alias → ref from <c>agents.defaults.models</c>.</summary>
    public IReadOnlyDictionary<string, ModelRef> Aliases => _aliases.Aliases;

    /// <summary>"no model provider is configured: set ANTHROPIC_API_KEY or OPENAI_API_KEY (…)" plus every other provider's setup hint.</summary>
    public string NoProviderMessage => _resolver.NoProviderMessage;

    /// <summary>
    /// The model used when none is named: <c>agents.defaults.model</c> (string or <c>{primary}</c>, aliases allowed),
    /// else the first configured provider's default model. Null when nothing is configured.
    /// </summary>
    public ModelRef? DefaultModel => _resolver.DefaultModel;

    public IModelProvider? GetProvider(string id) => _resolver.Find(id)?.Provider;

    /// <summary>Re-runs Ollama detection and vLLM discovery (failures are kept per provider, never thrown).</summary>
    public Task DetectAsync(CancellationToken cancellationToken)
        => Task.WhenAll(_providers
            .Select(p => p.Provider)
            .OfType<ApiModelProvider>()
            .Where(p => p.CanDiscover)
            .Select(p => p.DiscoverAsync(cancellationToken)));

    /// <summary>
    /// Resolves <c>provider/model</c>, an alias, <c>provider:model</c>, a model id offered by exactly one configured
    /// provider, or null/empty for <see cref="DefaultModel"/>. Throws <see cref="ProviderException"/>:
    /// <see cref="FailoverReason.Auth"/> when the provider (or every provider) lacks credentials, naming what to set;
    /// <see cref="FailoverReason.ModelNotFound"/> for unknown providers/models.
    /// </summary>
    public ResolvedModel ResolveModel(string? refOrAlias)
        => _resolver.TryResolve(refOrAlias, out var resolved, out var error) ? resolved! : throw error!;

    public bool TryResolveModel(string? refOrAlias, out ResolvedModel? resolved, out string? error)
    {
        var ok = _resolver.TryResolve(refOrAlias, out resolved, out var exception);
        error = exception?.Message;
        return ok;
    }

    /// <summary>Configured, discovered and default models of every provider, with availability, alias and default flags.</summary>
    public async Task<IReadOnlyList<ModelListing>> ListModelsAsync(CancellationToken cancellationToken = default)
    {
        var lists = await Task.WhenAll(_providers.Select(p => ListSafeAsync(p, cancellationToken)));
        var defaultRef = DefaultModel;
        var listings = new List<ModelListing>();
        for (var i = 0; i < _providers.Count; i++)
        {
            var provider = _providers[i];
            var models = lists[i].ToList();
            foreach (var aliased in _aliases.Refs.Where(r => string.Equals(r.Provider, provider.Id, StringComparison.OrdinalIgnoreCase)))
            {
                if (!models.Exists(m => string.Equals(m.Ref.Model, aliased.Model, StringComparison.Ordinal)))
                {
                    models.Add(new ModelDefinition { Ref = new ModelRef(provider.Id, aliased.Model), Api = provider.Provider.Api, Source = "configured" });
                }
            }

            listings.AddRange(models.Select(m => new ModelListing(m, provider.Provider.IsConfigured, _aliases.AliasOf(m.Ref), m.Ref == defaultRef)));
        }

        return listings;
    }

    /// <summary>The cost rates of a known model, if any.</summary>
    public ModelCost? CostOf(string provider, string model) => _resolver.Find(provider)?.Find(model)?.Cost;

    private static async Task<IReadOnlyList<ModelDefinition>> ListSafeAsync(RegisteredProvider provider, CancellationToken cancellationToken)
    {
        try
        {
            return await provider.Provider.ListModelsAsync(cancellationToken);
        }
        catch (Exception) when (!cancellationToken.IsCancellationRequested)
        {
            return provider.Settings.Models;
        }
    }

    private static string? ReadConfiguredDefault(JsonObject config)
    {
        var defaults = ConfigJson.Object(config, "agents", "defaults");
        return ConfigJson.Node(defaults, "model") switch
        {
            JsonObject obj => ConfigJson.NonEmpty(ConfigJson.String(obj, "primary")),
            JsonValue => ConfigJson.NonEmpty(ConfigJson.String(defaults, "model")),
            _ => null,
        };
    }
}
