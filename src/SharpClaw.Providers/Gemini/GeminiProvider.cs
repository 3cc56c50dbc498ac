using Microsoft.Extensions.AI;
using SharpClaw.Providers.Abstractions;
using SharpClaw.Providers.Registry;

namespace SharpClaw.Providers.Gemini;

/// <summary>
/// The <c>google</c> provider (<c>google-generative-ai</c>): key from <c>GOOGLE_API_KEY</c> / <c>GEMINI_API_KEY</c> /
/// <c>models.providers.google.apiKey</c>, default model <c>gemini-3-flash-preview</c>. Models = configured + built-in
/// defaults + discovered (discovery runs once on the first listing; a failure is kept in <see cref="DiscoveryError"/>
/// and retried on the next listing, never thrown).
/// </summary>
internal sealed class GeminiProvider : IModelProvider, IKnownModels
{
    public const string ProviderId = "google";

    private readonly GeminiProviderOptions _options;
    private readonly IReadOnlyList<ModelDefinition> _staticModels;
    private volatile IReadOnlyList<ModelDefinition>? _discovered;

    public GeminiProvider(GeminiProviderOptions options)
    {
        _options = options;
        _staticModels = ProviderSettingsBuilder.MergeModels(options.ConfiguredModels, options.IncludeDefaultModels ? GeminiModels.Defaults(options.Id) : null);
    }

    /// <summary>Registers <c>google</c> (and any custom provider with <c>api: google-generative-ai</c>) with the registry.</summary>
    public static ModelProviderRegistration Registration { get; } = new(ProviderId, FromContext)
    {
        Api = GeminiChatClientFactory.Api,
        DefaultModelId = GeminiModels.DefaultModelId,
        ExtraEnvVars = ["GEMINI_API_KEY"],
    };

    public string Id => _options.Id;

    public IReadOnlyList<ModelDefinition> KnownModels => _discovered is { Count: > 0 } discovered
        ? [.. _staticModels, .. discovered.Where(d => !_staticModels.Any(m => m.Ref.Model == d.Ref.Model))]
        : _staticModels;

    public string Api => GeminiChatClientFactory.Api;

    public bool IsConfigured => !string.IsNullOrEmpty(_options.Endpoint?.ApiKey);

    public string SetupHint => Id == ProviderId
        ? "set GEMINI_API_KEY or GOOGLE_API_KEY (or models.providers.google.apiKey)"
        : $"set models.providers.{Id}.apiKey";

    /// <summary>Why the last model discovery failed, if it did.</summary>
    public string? DiscoveryError { get; private set; }

    public static GeminiProvider FromContext(ProviderFactoryContext context)
    {
        var settings = context.Settings;
        var endpoint = settings.ApiKey is null ? null : context.CreateEndpoint(settings.BaseUrl ?? new Uri(GeminiUrls.DefaultBaseUrl));
        var replace = string.Equals(ConfigJson.String(ConfigJson.Object(context.Config, "models"), "mode"), "replace", StringComparison.OrdinalIgnoreCase);
        return new GeminiProvider(new GeminiProviderOptions
        {
            Id = settings.Id,
            Endpoint = endpoint,
            ConfiguredModels = settings.Models,
            IncludeDefaultModels = !replace && string.Equals(settings.Id, ProviderId, StringComparison.OrdinalIgnoreCase),
        });
    }

    public async Task<IReadOnlyList<ModelDefinition>> ListModelsAsync(CancellationToken cancellationToken)
    {
        if (_discovered is null && _options.DiscoverModels && IsConfigured)
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(_options.DiscoveryTimeout);
            try
            {
                _discovered = await GeminiModelDiscovery.ListAsync(_options.Endpoint!, timeout.Token);
                DiscoveryError = null;
            }
            catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
            {
                DiscoveryError = ex is OperationCanceledException ? "model discovery timed out" : ex.Message;
            }
        }

        return KnownModels;
    }

    public IChatClient CreateChatClient(string modelId)
    {
        if (!IsConfigured)
        {
            throw new ProviderException(Id, modelId, FailoverReason.Auth, $"model provider {Id} is not configured: {SetupHint}");
        }

        return GeminiChatClientFactory.Create(_options.Endpoint!, modelId);
    }
}
