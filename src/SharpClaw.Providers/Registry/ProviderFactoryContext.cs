using System.Text.Json.Nodes;
using SharpClaw.Providers.Common;

namespace SharpClaw.Providers.Registry;

/// <summary>What a <see cref="ModelProviderRegistration"/> factory receives.</summary>
/// <param name="Settings">Merged settings: id, api, baseUrl (config only; null → the factory's own default), API key found
/// through the conventional env vars + the registration's extra vars + config, headers, configured models, timeout.</param>
/// <param name="ProviderConfig">The raw <c>models.providers.&lt;id&gt;</c> object, or null.</param>
/// <param name="Config">The whole resolved config (for e.g. <c>models.bedrockDiscovery</c>).</param>
/// <param name="Environment">Injected env lookup: never read the process environment directly.</param>
/// <param name="Transport">The HTTP transport to build clients on (tests point it at fakes).</param>
internal sealed record ProviderFactoryContext(
    ProviderSettings Settings,
    JsonObject? ProviderConfig,
    JsonObject Config,
    Func<string, string?> Environment,
    HttpMessageHandler Transport,
    TimeProvider TimeProvider)
{
    /// <summary>
    /// An endpoint (HttpClient with header injection + HTTP error classification) for
    /// <paramref name="baseUrl"/> (default: <see cref="ProviderSettings.BaseUrl"/>) and the resolved key.
    /// </summary>
    public ProviderEndpoint CreateEndpoint(Uri? baseUrl = null)
    {
        var url = baseUrl ?? Settings.BaseUrl ?? throw new InvalidOperationException($"provider {Settings.Id} has no base URL");
        return ProviderEndpoint.Create(Settings.Id, url, Settings.ApiKey?.Value, Settings.Headers, Transport, TimeProvider, Settings.Timeout);
    }
}
