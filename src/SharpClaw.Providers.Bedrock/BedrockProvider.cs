using Microsoft.Extensions.AI;
using SharpClaw.Providers.Abstractions;
using SharpClaw.Providers.Common;
using SharpClaw.Providers.Registry;

namespace SharpClaw.Providers.Bedrock;

/// <summary>
/// The <c>amazon-bedrock</c> provider (<c>bedrock-converse-stream</c>): AWS credentials instead of an API key,
/// SigV4-signed ConverseStream calls, and models = configured + auto-discovered (<c>models.bedrockDiscovery</c>,
/// on by default when credentials are detected, cached for <c>refreshInterval</c>; failures are kept in
/// <see cref="DiscoveryError"/>, never thrown).
/// </summary>
internal sealed class BedrockProvider : IModelProvider, IKnownModels
{
    public const string ProviderId = "amazon-bedrock";

    private static readonly TimeSpan PartialFailureTtl = TimeSpan.FromSeconds(60);

    private readonly BedrockProviderOptions _options;
    private readonly ProviderEndpoint _runtime;
    private readonly ProviderEndpoint _control;
    private volatile IReadOnlyList<ModelDefinition>? _discovered;
    private DateTimeOffset _discoveredUntil;

    public BedrockProvider(BedrockProviderOptions options)
    {
        _options = options;
        var discoveryRegion = options.Discovery.Region ?? options.Region;
        _runtime = Endpoint(options.RuntimeUrl ?? BedrockUrls.Runtime(options.Region), options.Region);
        _control = Endpoint(options.ControlUrl ?? BedrockUrls.Control(discoveryRegion), discoveryRegion);
    }

    /// <summary>Registers <c>amazon-bedrock</c> (and custom providers with <c>api: bedrock-converse-stream</c>).</summary>
    public static ModelProviderRegistration Registration { get; } = new(ProviderId, FromContext) { Api = BedrockChatClientFactory.Api };

    public string Id => _options.Id;

    public IReadOnlyList<ModelDefinition> KnownModels
        => [.. _options.ConfiguredModels, .. (_discovered ?? []).Where(d => !_options.ConfiguredModels.Any(m => m.Ref.Model == d.Ref.Model))];

    public string Api => BedrockChatClientFactory.Api;

    public bool IsConfigured => _options.Credentials.IsAvailable;

    public string SetupHint => "set AWS_ACCESS_KEY_ID + AWS_SECRET_ACCESS_KEY or AWS_PROFILE (and AWS_REGION), or configure models.providers.amazon-bedrock";

    /// <summary>The signing region.</summary>
    public string Region => _options.Region;

    /// <summary>Why the last discovery failed (or was partial), if it did.</summary>
    public string? DiscoveryError { get; private set; }

    private bool DiscoveryEnabled => (_options.Discovery.Enabled ?? true) && IsConfigured;

    public static BedrockProvider FromContext(ProviderFactoryContext context) => new(BedrockConfigReader.Read(context));

    public async Task<IReadOnlyList<ModelDefinition>> ListModelsAsync(CancellationToken cancellationToken)
    {
        if (DiscoveryEnabled && (_discovered is null || _options.TimeProvider.GetUtcNow() >= _discoveredUntil))
        {
            await DiscoverAsync(cancellationToken);
        }

        return KnownModels;
    }

    public IChatClient CreateChatClient(string modelId)
    {
        if (!IsConfigured)
        {
            throw new ProviderException(Id, modelId, FailoverReason.Auth, $"model provider {Id} is not configured: {SetupHint}");
        }

        var model = _options.ConfiguredModels.Concat(_discovered ?? []).FirstOrDefault(m => m.Ref.Model == modelId);
        return BedrockChatClientFactory.Create(_runtime, modelId, model?.MaxOutputTokens);
    }

    private async Task DiscoverAsync(CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_options.Discovery.Timeout);
        try
        {
            var result = await BedrockModelDiscovery.ListAsync(_control, _options.Discovery, timeout.Token);
            var ttl = result.Partial && PartialFailureTtl < _options.Discovery.RefreshInterval ? PartialFailureTtl : _options.Discovery.RefreshInterval;
            _discoveredUntil = _options.TimeProvider.GetUtcNow() + ttl;
            _discovered = result.Models;
            DiscoveryError = result.Partial ? "one of foundation-models / inference-profiles could not be listed" : null;
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            DiscoveryError = ex is OperationCanceledException ? "model discovery timed out" : ex.Message;
        }
    }

    private ProviderEndpoint Endpoint(Uri baseUrl, string region)
    {
#pragma warning disable CA2000 // lives as long as the endpoint's HttpClient; the shared transport underneath is never disposed
        var signing = new BedrockSigningHandler(_options.Id, _options.Credentials, region, _options.TimeProvider, _options.Transport ?? SharedHttpTransport.Instance);
#pragma warning restore CA2000
        return ProviderEndpoint.Create(_options.Id, baseUrl, null, _options.Headers, signing, _options.TimeProvider, _options.Timeout);
    }
}
