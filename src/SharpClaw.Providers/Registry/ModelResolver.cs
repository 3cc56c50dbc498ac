using SharpClaw.Providers.Abstractions;

namespace SharpClaw.Providers.Registry;

/// <summary>
/// Model-ref/alias resolution over the registry's providers (openclaw-core §5.3): aliases (case-insensitive),
/// <c>provider/model</c> split at the first slash, <c>provider:model</c>, and bare ids offered by exactly one
/// configured provider. Failures are <see cref="ProviderException"/>s that say what to set or type.
/// </summary>
internal sealed class ModelResolver
{
    private readonly List<RegisteredProvider> _providers;
    private readonly ModelAliasTable _aliases;
    private readonly string? _configuredDefault;

    public ModelResolver(List<RegisteredProvider> providers, ModelAliasTable aliases, string? configuredDefault)
    {
        _providers = providers;
        _aliases = aliases;
        _configuredDefault = configuredDefault;
    }

    public bool HasConfiguredProvider => _providers.Exists(p => p.Provider.IsConfigured);

    public string NoProviderMessage
    {
        get
        {
            var others = _providers
                .Where(p => p.Id is not ("anthropic" or "openai"))
                .Select(p => $"{p.Id}: {p.Provider.SetupHint}");
            return "no model provider is configured: set ANTHROPIC_API_KEY or OPENAI_API_KEY (or models.providers.<id>.apiKey). Other options: "
                + string.Join("; ", others);
        }
    }

    public ModelRef? DefaultModel
    {
        get
        {
            if (_configuredDefault is not null && TryParseRef(_configuredDefault, out var configured))
            {
                return configured;
            }

            foreach (var provider in _providers)
            {
                if (provider.Provider.IsConfigured && provider.DefaultModelId is { } model)
                {
                    return new ModelRef(provider.Id, model);
                }
            }

            return null;
        }
    }

    public RegisteredProvider? Find(string id)
        => _providers.Find(p => string.Equals(p.Id, id.Trim(), StringComparison.OrdinalIgnoreCase));

    public bool TryResolve(string? text, out ResolvedModel? resolved, out ProviderException? error)
    {
        resolved = null;
        error = null;
        ModelRef? modelRef;
        if (string.IsNullOrWhiteSpace(text))
        {
            modelRef = DefaultModel;
            if (modelRef is null)
            {
                error = new ProviderException("none", null, FailoverReason.Auth, NoProviderMessage);
                return false;
            }
        }
        else if (!TryParseRef(text, out modelRef))
        {
            error = UnknownModel(text.Trim());
            return false;
        }

        var provider = Find(modelRef!.Provider);
        if (provider is null)
        {
            error = HasConfiguredProvider
                ? new ProviderException(modelRef.Provider, modelRef.Model, FailoverReason.ModelNotFound,
                    $"unknown model provider '{modelRef.Provider}' (known: {string.Join(", ", _providers.Select(p => p.Id))})")
                : new ProviderException(modelRef.Provider, modelRef.Model, FailoverReason.Auth, NoProviderMessage);
            return false;
        }

        if (!provider.Provider.IsConfigured)
        {
            var message = $"model provider {provider.Id} is not configured: {provider.Provider.SetupHint}";
            error = new ProviderException(provider.Id, modelRef.Model, FailoverReason.Auth, HasConfiguredProvider ? message : $"{message}. {NoProviderMessage}");
            return false;
        }

        var definition = provider.Find(modelRef.Model);
        var canonical = definition?.Ref ?? new ModelRef(provider.Id, modelRef.Model);
        definition ??= new ModelDefinition { Ref = canonical, Api = provider.Provider.Api, Source = "ad-hoc" };
        resolved = new ResolvedModel(canonical, provider.Provider, definition, _aliases.AliasOf(canonical));
        return true;
    }

    /// <summary>
    /// alias → <c>provider/model</c> with a known provider → a model id (slashes allowed) offered by exactly one
    /// configured provider → <c>provider/model</c> as written → <c>provider:model</c> → bare id.
    /// </summary>
    private bool TryParseRef(string text, out ModelRef? modelRef)
    {
        var trimmed = text.Trim();
        if (_aliases.TryResolve(trimmed, out modelRef))
        {
            return true;
        }

        if (ModelRef.TryParse(trimmed, out modelRef) && Find(modelRef!.Provider) is not null)
        {
            return true;
        }

        // An unknown "provider" before the slash may be part of a model id (vLLM's "Qwen/Qwen3-8B").
        var parsed = modelRef;
        if (TryFindBareModel(trimmed, out modelRef))
        {
            return true;
        }

        if (parsed is not null)
        {
            modelRef = parsed;
            return true;
        }

        var colon = trimmed.IndexOf(':', StringComparison.Ordinal);
        if (colon > 0 && colon < trimmed.Length - 1 && Find(trimmed[..colon]) is { } prefixed)
        {
            modelRef = new ModelRef(prefixed.Id, trimmed[(colon + 1)..]);
            return true;
        }

        return false;
    }

    /// <summary>A model id offered by exactly one configured provider.</summary>
    private bool TryFindBareModel(string modelId, out ModelRef? modelRef)
    {
        var offering = _providers
            .Where(p => p.Provider.IsConfigured && (p.Find(modelId) is not null || string.Equals(p.DefaultModelId, modelId, StringComparison.Ordinal)))
            .ToList();
        modelRef = offering.Count == 1 ? offering[0].Find(modelId)?.Ref ?? new ModelRef(offering[0].Id, modelId) : null;
        return modelRef is not null;
    }

    private ProviderException UnknownModel(string text)
    {
        if (!HasConfiguredProvider)
        {
            return new ProviderException("none", text, FailoverReason.Auth, NoProviderMessage);
        }

        var offering = _providers.Where(p => p.Provider.IsConfigured && p.Find(text) is not null).Select(p => p.Id).ToList();
        var message = offering.Count > 1
            ? $"model '{text}' is offered by {string.Join(", ", offering)}: use provider/model"
            : $"unknown model '{text}': use provider/model{(_aliases.Aliases.Count > 0 ? " or an alias (" + string.Join(", ", _aliases.Aliases.Keys) + ")" : string.Empty)}";
        return new ProviderException("none", text, FailoverReason.ModelNotFound, message);
    }
}
