using SharpClaw.Providers.Abstractions;

namespace SharpClaw.Providers.Copilot;

/// <summary>
/// Keeps one valid Copilot API token per GitHub token: memory first, then the state-dir cache, else a fresh exchange
/// (single-flight, saved back to the cache). A token is refreshed <see cref="RefreshMargin"/> before it expires (or at
/// GitHub's <c>refresh_in</c>), so a call never starts with a token about to lapse. A 401 from the chat API
/// <see cref="Invalidate"/>s the token so the next call exchanges again. Personal access tokens are used as they are.
/// </summary>
#pragma warning disable CA1001 // the SemaphoreSlim never allocates a wait handle (only WaitAsync is used); nothing to dispose
internal sealed class CopilotTokenManager
#pragma warning restore CA1001
{
    public static readonly TimeSpan RefreshMargin = TimeSpan.FromMinutes(5);

    private readonly string _githubToken;
    private readonly CopilotTokenExchange _exchange;
    private readonly CopilotCredentialStore? _store;
    private readonly TimeProvider _time;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private CopilotApiToken? _current;

    public CopilotTokenManager(string githubToken, CopilotTokenExchange exchange, CopilotCredentialStore? store, TimeProvider time)
    {
        _githubToken = githubToken;
        _exchange = exchange;
        _store = store;
        _time = time;
        if (CopilotApiToken.IsPersonalAccessToken(githubToken))
        {
            _current = new CopilotApiToken(githubToken, DateTimeOffset.MaxValue, DateTimeOffset.MaxValue, CopilotUrls.EnterpriseApiBaseUrl) { IsStatic = true };
        }
    }

    /// <summary>How many exchanges this manager has made (for status and tests).</summary>
    public int ExchangeCount { get; private set; }

    /// <summary>The token currently held (no I/O), if any.</summary>
    public CopilotApiToken? Current => _current;

    public async ValueTask<CopilotApiToken> GetAsync(CancellationToken cancellationToken)
    {
        if (_current is { } fresh && fresh.IsFresh(_time.GetUtcNow()))
        {
            return fresh;
        }

        await _gate.WaitAsync(cancellationToken);
        try
        {
            var now = _time.GetUtcNow();
            if (_current is { } again && again.IsFresh(now))
            {
                return again;
            }

            if (_store?.ReadCachedToken(_githubToken) is { } cached && cached.IsFresh(now))
            {
                _current = cached;
                return cached;
            }

            var exchanged = await _exchange.ExchangeAsync(_githubToken, cancellationToken);
            ExchangeCount++;
            _current = exchanged;
            if (_store is not null)
            {
                await SaveQuietlyAsync(exchanged, now, cancellationToken);
            }

            return exchanged;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Drops <paramref name="rejected"/> (if still current) so the next call exchanges again.</summary>
    public void Invalidate(CopilotApiToken rejected)
    {
        if (rejected.IsStatic)
        {
            return;
        }

        Interlocked.CompareExchange(ref _current, null, rejected);
        if (_store is not null)
        {
            try
            {
                File.Delete(_store.CachePath);
            }
            catch (IOException)
            {
            }
        }
    }

    private async Task SaveQuietlyAsync(CopilotApiToken token, DateTimeOffset now, CancellationToken cancellationToken)
    {
        try
        {
            await _store!.SaveCachedTokenAsync(_githubToken, token, now, cancellationToken);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // The cache only saves an exchange on the next start; the token in memory is what counts.
            _ = ex;
        }
    }

    /// <summary>Thrown shape when no GitHub token is available at all.</summary>
    public static ProviderException NotLoggedIn(string providerId, string? model)
        => new(providerId, model, FailoverReason.Auth, $"model provider {providerId} is not configured: {CopilotProvider.SetupText}");
}
