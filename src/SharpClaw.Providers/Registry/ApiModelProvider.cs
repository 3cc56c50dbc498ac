using Microsoft.Extensions.AI;
using SharpClaw.Providers.Abstractions;
using SharpClaw.Providers.Common;

namespace SharpClaw.Providers.Registry;

/// <summary>
/// An <see cref="IModelProvider"/> for the HTTP adapters in this assembly (openai-completions, anthropic-messages,
/// ollama): settings + endpoint + an adapter factory, with optional model discovery (vLLM <c>/models</c>, Ollama
/// <c>/api/tags</c>). Discovery results are cached after the first success; failures are kept in
/// <see cref="DiscoveryError"/> and never thrown from <see cref="ListModelsAsync"/>.
/// </summary>
internal sealed class ApiModelProvider : IModelProvider
{
    private readonly ProviderSettings _settings;
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, (ModelDefinition? Definition, IChatClient Client)> _clients = new(StringComparer.Ordinal);
    private readonly ProviderEndpoint? _endpoint;
    private readonly Func<ProviderEndpoint, string, ModelDefinition?, IChatClient> _createClient;
    private readonly Func<ProviderEndpoint, CancellationToken, Task<IReadOnlyList<ModelDefinition>>>? _discover;
    private readonly TimeSpan _discoveryTimeout;
    private volatile IReadOnlyList<ModelDefinition>? _discovered;

    public ApiModelProvider(
        ProviderSettings settings,
        ProviderEndpoint? endpoint,
        Func<ProviderEndpoint, string, ModelDefinition?, IChatClient> createClient,
        Func<ProviderEndpoint, CancellationToken, Task<IReadOnlyList<ModelDefinition>>>? discover = null,
        TimeSpan? discoveryTimeout = null)
    {
        _settings = settings;
        _endpoint = endpoint;
        _createClient = createClient;
        _discover = discover;
        _discoveryTimeout = discoveryTimeout ?? TimeSpan.FromSeconds(5);
    }

    public string Id => _settings.Id;

    public string Api => _settings.Api;

    public ProviderSettings Settings => _settings;

    public bool IsConfigured => _endpoint is not null && (_settings.ReadyWithoutProbe || (_settings.AutoDetect && _discovered is not null));

    public string SetupHint => _settings.SetupHint;

    /// <summary>Why the last discovery/probe failed, if it did.</summary>
    public string? DiscoveryError { get; private set; }

    public bool CanDiscover => _discover is not null && _endpoint is not null;

    /// <summary>Configured models plus the last discovered list (no I/O).</summary>
    public IReadOnlyList<ModelDefinition> KnownModels
    {
        get
        {
            if (_discovered is not { Count: > 0 } discovered)
            {
                return _settings.Models;
            }

            var known = _settings.Models.ToList();
            known.AddRange(discovered.Where(d => !known.Exists(m => string.Equals(m.Ref.Model, d.Ref.Model, StringComparison.Ordinal))));
            return known;
        }
    }

    /// <summary>The default model: the built-in/configured default, else the first known model.</summary>
    public string? DefaultModelId => _settings.DefaultModelId ?? (KnownModels.Count > 0 ? KnownModels[0].Ref.Model : null);

    /// <summary>Runs discovery (or the local-server probe) once more; returns whether it succeeded.</summary>
    public async Task<bool> DiscoverAsync(CancellationToken cancellationToken)
    {
        if (_discover is null || _endpoint is null)
        {
            return false;
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_discoveryTimeout);
        try
        {
            _discovered = await _discover(_endpoint, timeout.Token);
            DiscoveryError = null;
            return true;
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            DiscoveryError = ex is OperationCanceledException ? $"no answer within {_discoveryTimeout.TotalMilliseconds:0} ms" : ex.Message;
            return false;
        }
    }

    public async Task<IReadOnlyList<ModelDefinition>> ListModelsAsync(CancellationToken cancellationToken)
    {
        if (_discovered is null && CanDiscover)
        {
            await DiscoverAsync(cancellationToken);
        }

        return KnownModels;
    }

    public IChatClient CreateChatClient(string modelId)
    {
        if (!IsConfigured || _endpoint is null)
        {
            throw new ProviderException(Id, modelId, FailoverReason.Auth, $"model provider {Id} is not configured: {SetupHint}");
        }

        // Clients are stateless and thread-safe; building one (SDK pipeline, options) per turn showed up in the
        // agent-turn benchmark, so each model's client is kept until its definition changes (discovery) or a
        // config reload builds new providers.
        var definition = KnownModels.FirstOrDefault(m => string.Equals(m.Ref.Model, modelId, StringComparison.Ordinal));
        if (_clients.TryGetValue(modelId, out var cached) && ReferenceEquals(cached.Definition, definition))
        {
            return cached.Client;
        }

        var client = _createClient(_endpoint, modelId, definition);
        _clients[modelId] = (definition, client);
        return client;
    }
}
