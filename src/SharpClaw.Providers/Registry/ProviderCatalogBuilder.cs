using System.Text.Json.Nodes;
using SharpClaw.Providers.Common;
using SharpClaw.Providers.Ollama;

namespace SharpClaw.Providers.Registry;

/// <summary>
/// Builds the provider list: built-ins (anthropic, openai, registrations such as google/bedrock/copilot, openrouter,
/// xai, mistral, moonshot, minimax, vllm, ollama) then custom <c>models.providers</c> ids in config order. That order
/// is also the default-model preference. <c>models.mode: "replace"</c> keeps only ids present in config and drops
/// built-in default models.
/// </summary>
internal static class ProviderCatalogBuilder
{
    public static List<RegisteredProvider> Build(JsonObject config, ProviderRegistryOptions options)
    {
        var entries = ConfigJson.Object(config, "models", "providers") ?? [];
        var replace = string.Equals(ConfigJson.String(ConfigJson.Object(config, "models"), "mode"), "replace", StringComparison.OrdinalIgnoreCase);
        var transport = options.Transport ?? SharedHttpTransport.Instance;
        var registrations = options.Registrations.ToDictionary(r => r.Id, StringComparer.OrdinalIgnoreCase);

        var ordered = new List<(string Id, BuiltInProviderSpec? Spec)>();
        foreach (var spec in BuiltInProviders.All)
        {
            ordered.Add((spec.Id, spec));
            if (spec.Id == "openai")
            {
                ordered.AddRange(options.Registrations
                    .Where(r => !BuiltInProviders.All.Any(s => string.Equals(s.Id, r.Id, StringComparison.OrdinalIgnoreCase)))
                    .Select(r => (r.Id, (BuiltInProviderSpec?)null)));
            }
        }

        foreach (var (id, _) in entries)
        {
            if (!ordered.Exists(o => string.Equals(o.Id, id, StringComparison.OrdinalIgnoreCase)))
            {
                ordered.Add((id, null));
            }
        }

        var result = new List<RegisteredProvider>();
        foreach (var (id, builtIn) in ordered)
        {
            var entry = FindEntry(entries, id);
            if (replace && entry is null)
            {
                continue;
            }

            var spec = builtIn?.Id == "ollama" ? builtIn with { BaseUrl = options.OllamaUrl.ToString() } : builtIn;
            registrations.TryGetValue(id, out var registration);
            var entryApi = ConfigJson.String(entry, "api");
            registration ??= entryApi is null ? null : options.Registrations.FirstOrDefault(r => string.Equals(r.Api, entryApi, StringComparison.Ordinal));
            var own = registration is not null && string.Equals(registration.Id, id, StringComparison.OrdinalIgnoreCase);
            var settings = ProviderSettingsBuilder.Build(id, spec, entry, options.Environment, mergeDefaults: !replace, registration?.Api, own ? registration!.ExtraEnvVars : null);

            if (registration is not null)
            {
                var context = new ProviderFactoryContext(settings, entry, config, options.Environment, transport, options.TimeProvider);
                result.Add(CreateRegistered(registration, context, own ? registration.DefaultModelId : null));
            }
            else
            {
                result.Add(new RegisteredProvider(CreateApiProvider(settings, options, transport), settings));
            }
        }

        return result;
    }

    /// <summary>A registration's provider; a factory that throws yields an unconfigured placeholder instead of breaking the registry.</summary>
    private static RegisteredProvider CreateRegistered(ModelProviderRegistration registration, ProviderFactoryContext context, string? defaultModelId)
    {
        try
        {
            return new RegisteredProvider(registration.Create(context), context.Settings, defaultModelId);
        }
        catch (Exception ex)
        {
            var failed = context.Settings with { SetupHint = $"provider {context.Settings.Id} failed to initialise: {ex.Message}" };
            return new RegisteredProvider(new ApiModelProvider(failed, null, (e, m, d) => BuiltInAdapters.Create(failed.Api, e, m, d)), failed);
        }
    }

    private static ApiModelProvider CreateApiProvider(ProviderSettings settings, ProviderRegistryOptions options, HttpMessageHandler transport)
    {
        if (!BuiltInAdapters.IsSupported(settings.Api))
        {
            var unsupported = settings with { SetupHint = $"api '{settings.Api}' of models.providers.{settings.Id} is not supported by this build" };
            return new ApiModelProvider(unsupported, null, (e, m, d) => BuiltInAdapters.Create(unsupported.Api, e, m, d));
        }

        var isOllama = settings.Api == OllamaChatClient.Api;
        var baseUrl = settings.BaseUrl;
        if (isOllama && baseUrl is not null && baseUrl.AbsolutePath.TrimEnd('/').EndsWith("/v1", StringComparison.Ordinal))
        {
            // The native API lives at the server root; an OpenAI-style ".../v1" base is a common mix-up.
            baseUrl = new Uri(baseUrl.ToString().TrimEnd('/')[..^3]);
        }

        var endpoint = baseUrl is null
            ? null
            : ProviderEndpoint.Create(settings.Id, baseUrl, settings.ApiKey?.Value, settings.Headers, transport, options.TimeProvider, settings.Timeout);

        Func<ProviderEndpoint, CancellationToken, Task<IReadOnlyList<Abstractions.ModelDefinition>>>? discover = null;
        var timeout = options.DiscoveryTimeout;
        if (isOllama && (settings.InConfig || options.DetectOllama))
        {
            discover = OllamaModelDiscovery.ListAsync;
            timeout = options.OllamaDetectTimeout;
        }
        else if (settings.DiscoverModels)
        {
            discover = (e, ct) => OpenAI.OpenAIModelDiscovery.ListAsync(e, settings.Api, ct);
        }

        return new ApiModelProvider(settings, endpoint, (e, m, d) => BuiltInAdapters.Create(AdapterApi(d, settings), e, m, d), discover, timeout);
    }

    /// <summary>A model's own <c>api</c> when this build implements it, else the provider's.</summary>
    private static string AdapterApi(Abstractions.ModelDefinition? model, ProviderSettings settings)
        => model?.Api is { } api && BuiltInAdapters.IsSupported(api) ? api : settings.Api;

    private static JsonObject? FindEntry(JsonObject entries, string id)
    {
        foreach (var (key, value) in entries)
        {
            if (string.Equals(key, id, StringComparison.OrdinalIgnoreCase))
            {
                return value as JsonObject ?? [];
            }
        }

        return null;
    }
}
