using System.Text.Json.Nodes;
using SharpClaw.Providers.Abstractions;
using SharpClaw.Providers.OpenAI;

namespace SharpClaw.Providers.Registry;

/// <summary>Merges a built-in spec (if any) with the provider's config entry (if any) and the environment.</summary>
internal static class ProviderSettingsBuilder
{
    public static ProviderSettings Build(
        string id,
        BuiltInProviderSpec? spec,
        JsonObject? entry,
        Func<string, string?> environment,
        bool mergeDefaults,
        string? apiOverride = null,
        IEnumerable<string>? extraEnvVars = null)
    {
        var api = ConfigJson.String(entry, "api") ?? apiOverride ?? spec?.Api ?? OpenAICompatibleChatClientFactory.Api;
        var baseUrl = ConfigJson.NonEmpty(ConfigJson.String(entry, "baseUrl")) ?? spec?.BaseUrl;
        var configKey = ConfigJson.Secret(ConfigJson.Node(entry, "apiKey"), environment);
        var models = MergeModels(ModelDefinitionReader.ReadAll(id, api, entry), mergeDefaults ? spec?.DefaultModels : null);
        var timeoutSeconds = ConfigJson.Int(entry, "timeoutSeconds");
        var apiKeyRequired = spec?.ApiKeyRequired ?? false;
        return new ProviderSettings
        {
            Id = id,
            Api = api,
            BaseUrl = Uri.TryCreate(baseUrl, UriKind.Absolute, out var uri) ? uri : null,
            ApiKey = ApiKeyResolver.Resolve(id, configKey, environment, extraEnvVars),
            Headers = ReadHeaders(entry, environment),
            Models = models,
            DefaultModelId = (mergeDefaults ? spec?.DefaultModelId : null) ?? (models.Count > 0 ? models[0].Ref.Model : null),
            Timeout = timeoutSeconds is { } seconds ? TimeSpan.FromSeconds(seconds) : null,
            InConfig = entry is not null,
            ApiKeyRequired = apiKeyRequired,
            DiscoverModels = spec?.DiscoverModels ?? false,
            AutoDetect = spec?.AutoDetect ?? false,
            SetupHint = spec?.SetupHint
                ?? (spec is null
                    ? $"set models.providers.{id}.baseUrl"
                    : $"set {ApiKeyResolver.PrimaryEnvVar(id)} (or models.providers.{id}.apiKey)"),
        };
    }

    /// <summary>Configured models first (keeping bundled metadata they leave out, incl. unstated cost rates), then the bundled ones not configured.</summary>
    public static IReadOnlyList<ModelDefinition> MergeModels(IReadOnlyList<ModelDefinition> configured, IReadOnlyList<ModelDefinition>? defaults)
    {
        if (defaults is not { Count: > 0 })
        {
            return configured;
        }

        var merged = configured.ToList();
        foreach (var model in defaults)
        {
            var index = merged.FindIndex(m => string.Equals(m.Ref.Model, model.Ref.Model, StringComparison.Ordinal));
            if (index < 0)
            {
                merged.Add(model);
            }
            else
            {
                // Config wins, but keeps built-in metadata it left out.
                var own = merged[index];
                merged[index] = own with
                {
                    Name = own.Name ?? model.Name,
                    ContextWindow = own.ContextWindow ?? model.ContextWindow,
                    MaxOutputTokens = own.MaxOutputTokens ?? model.MaxOutputTokens,
                    Cost = MergeCost(own, model.Cost),
                    PartialCostFields = model.Cost is null ? own.PartialCostFields : null,
                };
            }
        }

        return merged;
    }

    /// <summary>Authored rates win; rates config left out of a partial entry come from the bundled catalog.</summary>
    private static ModelCost? MergeCost(ModelDefinition own, ModelCost? bundled)
    {
        if (own.Cost is not { } cost || bundled is null || own.PartialCostFields is not { } stated)
        {
            return own.Cost ?? bundled;
        }

        return new ModelCost(
            stated.Contains("input") ? cost.Input : bundled.Input,
            stated.Contains("output") ? cost.Output : bundled.Output,
            stated.Contains("cacheRead") ? cost.CacheRead : bundled.CacheRead,
            stated.Contains("cacheWrite") ? cost.CacheWrite : bundled.CacheWrite);
    }

    private static Dictionary<string, string> ReadHeaders(JsonObject? entry, Func<string, string?> environment)
    {
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        if (ConfigJson.Object(entry, "headers") is { } map)
        {
            foreach (var (name, value) in map)
            {
                if (ConfigJson.Secret(value, environment) is { } text)
                {
                    headers[name] = text;
                }
            }
        }

        return headers;
    }
}
