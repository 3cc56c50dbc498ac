using Microsoft.Extensions.AI;
using SharpClaw.Core.State;
using SharpClaw.Providers.Abstractions;
using SharpClaw.Providers.Common;
using SharpClaw.Providers.OpenAI;
using SharpClaw.Providers.Registry;

namespace SharpClaw.Providers.Copilot;

/// <summary>
/// The <c>github-copilot</c> provider: a GitHub token (from <c>sharpclaw models auth login --provider github-copilot</c>,
/// else <c>COPILOT_GITHUB_TOKEN</c> / <c>GH_TOKEN</c> / <c>GITHUB_TOKEN</c>, else <c>models.providers.github-copilot.apiKey</c>)
/// is exchanged for a short-lived Copilot API token (<see cref="CopilotTokenManager"/>), then the OpenAI-compatible
/// chat API is called with the editor headers Copilot requires. Models = configured + defaults + discovered.
/// </summary>
internal sealed class CopilotProvider : IModelProvider, IKnownModels
{
    public const string ProviderId = "github-copilot";
    public const string ApiName = "github-copilot";
    public const string LoginCommand = "sharpclaw models auth login --provider github-copilot";
    public const string LoginHint = "run `" + LoginCommand + "` or set COPILOT_GITHUB_TOKEN to a GitHub token with Copilot access";
    /// <summary>After a failed discovery (no Copilot access, offline) listings use the static models this long.</summary>
    public static readonly TimeSpan DiscoveryRetryDelay = TimeSpan.FromMinutes(5);

    /// <summary>How often an unconfigured provider looks for a fresh login.</summary>
    public static readonly TimeSpan LoginRecheckInterval = TimeSpan.FromSeconds(5);

    public const string SetupText = "set COPILOT_GITHUB_TOKEN (or GH_TOKEN / GITHUB_TOKEN), or run `" + LoginCommand + "`";

    private readonly CopilotProviderOptions _options;
    private readonly IReadOnlyList<ModelDefinition> _staticModels;
    private readonly Lock _connectLock = new();
    private volatile ProviderEndpoint? _chat;
    private DateTimeOffset _nextLoginCheck;
    private volatile IReadOnlyList<ModelDefinition>? _discovered;
    private DateTimeOffset _discoveryRetryAt;

    public CopilotProvider(CopilotProviderOptions options)
    {
        _options = options;
        _staticModels = ProviderSettingsBuilder.MergeModels(options.ConfiguredModels, options.IncludeDefaultModels ? CopilotModels.Defaults(options.Id) : null);
        TokenSource = options.TokenSource;
        if (!string.IsNullOrEmpty(options.GitHubToken))
        {
            Connect(options.GitHubToken);
        }
    }

    /// <summary>Registers <c>github-copilot</c>; credentials live under <paramref name="stateDir"/> (null → the env's state dir).</summary>
    public static ModelProviderRegistration Registration(string? stateDir = null) => new(ProviderId, context => FromContext(context, stateDir))
    {
        Api = ApiName,
        DefaultModelId = CopilotModels.DefaultModelId,
        ExtraEnvVars = ["COPILOT_GITHUB_TOKEN", "GH_TOKEN", "GITHUB_TOKEN"],
    };

    public string Id => _options.Id;

    public IReadOnlyList<ModelDefinition> KnownModels => _discovered is { Count: > 0 } discovered
        ? [.. _staticModels, .. discovered.Where(d => !_staticModels.Any(m => m.Ref.Model == d.Ref.Model))]
        : _staticModels;

    public string Api => ApiName;

    public bool IsConfigured => Chat is not null;

    public string SetupHint => SetupText;

    /// <summary>The exchanged-token cache (null when not configured).</summary>
    public CopilotTokenManager? Tokens { get; private set; }

    /// <summary><c>login</c>, <c>env:NAME</c> or <c>config</c>; never the token.</summary>
    public string? TokenSource { get; private set; }

    /// <summary>
    /// The chat endpoint; without a token, the login store is re-read at most every
    /// <see cref="LoginRecheckInterval"/> so a <c>models auth login</c> takes effect without a restart.
    /// </summary>
    private ProviderEndpoint? Chat
    {
        get
        {
            if (_chat is not null || _options.Store is not { } store)
            {
                return _chat;
            }

            var now = _options.TimeProvider.GetUtcNow();
            lock (_connectLock)
            {
                if (_chat is null && now >= _nextLoginCheck)
                {
                    _nextLoginCheck = now + LoginRecheckInterval;
                    if (store.ReadGitHubToken() is { } token)
                    {
                        TokenSource = "login";
                        Connect(token);
                    }
                }

                return _chat;
            }
        }
    }

    public string? DiscoveryError { get; private set; }

    public static CopilotProvider FromContext(ProviderFactoryContext context, string? stateDir = null)
    {
        var settings = context.Settings;
        var store = new CopilotCredentialStore(stateDir ?? StatePaths.Resolve(context.Environment).StateDir);
        var login = store.ReadGitHubToken();
        var domain = ConfigJson.NonEmpty(context.Environment(CopilotUrls.DomainVariable)) ?? CopilotUrls.PublicDomain;
        var replace = string.Equals(ConfigJson.String(ConfigJson.Object(context.Config, "models"), "mode"), "replace", StringComparison.OrdinalIgnoreCase);
        return new CopilotProvider(new CopilotProviderOptions
        {
            Id = settings.Id,
            GitHubToken = login ?? settings.ApiKey?.Value,
            TokenSource = login is not null ? "login" : settings.ApiKey?.Source,
            Store = store,
            GitHubUrl = CopilotUrls.GitHub(domain),
            GitHubApiUrl = CopilotUrls.GitHubApi(domain),
            BaseUrlOverride = settings.BaseUrl,
            Headers = settings.Headers,
            ConfiguredModels = settings.Models,
            IncludeDefaultModels = !replace,
            Timeout = settings.Timeout,
            Transport = context.Transport,
            TimeProvider = context.TimeProvider,
        });
    }

    public async Task<IReadOnlyList<ModelDefinition>> ListModelsAsync(CancellationToken cancellationToken)
    {
        if (_discovered is null && _options.DiscoverModels && Chat is { } chat && _options.TimeProvider.GetUtcNow() >= _discoveryRetryAt)
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(_options.DiscoveryTimeout);
            try
            {
                _discovered = await CopilotModelDiscovery.ListAsync(chat, timeout.Token);
                DiscoveryError = null;
            }
            catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
            {
                DiscoveryError = ex is OperationCanceledException ? "model discovery timed out" : ex.Message;
                _discoveryRetryAt = _options.TimeProvider.GetUtcNow() + DiscoveryRetryDelay;
            }
        }

        return KnownModels;
    }

    public IChatClient CreateChatClient(string modelId)
    {
        if (Chat is not { } chat)
        {
            throw CopilotTokenManager.NotLoggedIn(Id, modelId);
        }

        IChatClient client = OpenAICompatibleChatClientFactory.Create(chat, modelId);
        if (KnownModels.FirstOrDefault(m => m.Ref.Model == modelId) is { Reasoning: false })
        {
            // Copilot rejects reasoning_effort for models without reasoning support: drop the thinking level.
            client = new RequestShapingChatClient(client, WithoutThinking);
        }

        return new CopilotChatClient(client);
    }

    private void Connect(string githubToken)
    {
        var transport = _options.Transport ?? SharedHttpTransport.Instance;
        var githubApi = ProviderEndpoint.Create(_options.Id, _options.GitHubApiUrl, null, null, transport, _options.TimeProvider, TimeSpan.FromSeconds(30));
        Tokens = new CopilotTokenManager(githubToken, new CopilotTokenExchange(githubApi), _options.Store, _options.TimeProvider);
#pragma warning disable CA2000 // lives as long as the endpoint's HttpClient; the shared transport underneath is never disposed
        var auth = new CopilotAuthHandler(Tokens, _options.BaseUrlOverride, transport);
#pragma warning restore CA2000
        _chat = ProviderEndpoint.Create(_options.Id, CopilotAuthHandler.PlaceholderBase, null, _options.Headers, auth, _options.TimeProvider, _options.Timeout);
    }

    private static ChatOptions? WithoutThinking(ChatOptions? options)
    {
        if (options is null || (options.Reasoning is null && ThinkingOptions.Read(options) is null))
        {
            return options;
        }

        var shaped = ThinkingOptions.WithoutThinkingKey(options);
        shaped = ReferenceEquals(shaped, options) ? options.Clone() : shaped!;
        shaped.Reasoning = null;
        return shaped;
    }
}
