using SharpClaw.Providers.Registry;

namespace SharpClaw.Providers.Bedrock;

/// <summary>
/// Reads Bedrock settings: region from <c>models.providers.amazon-bedrock.region</c>, the region in its
/// <c>baseUrl</c>, <c>AWS_REGION</c>, <c>AWS_DEFAULT_REGION</c>, else <c>us-east-1</c>; discovery from
/// <c>models.bedrockDiscovery.{enabled, region, providerFilter, refreshInterval, defaultContextWindow,
/// defaultMaxTokens}</c>; credentials from the injected environment (the SDK default chain is allowed when the
/// provider is in config or discovery is explicitly enabled).
/// </summary>
internal static class BedrockConfigReader
{
    public static BedrockProviderOptions Read(ProviderFactoryContext context)
    {
        var settings = context.Settings;
        var entry = context.ProviderConfig;
        string? Env(string name) => ConfigJson.NonEmpty(context.Environment(name));

        var region = ConfigJson.NonEmpty(ConfigJson.String(entry, "region"))
            ?? BedrockUrls.RegionOf(settings.BaseUrl)
            ?? Env("AWS_REGION")
            ?? Env("AWS_DEFAULT_REGION")
            ?? BedrockUrls.DefaultRegion;
        var discovery = ReadDiscovery(context);
        var auth = ConfigJson.String(entry, "auth");
        var allowAmbient = (entry is not null && auth is null or "aws-sdk") || discovery.Enabled == true;
        return new BedrockProviderOptions
        {
            Id = settings.Id,
            Region = region,
            RuntimeUrl = settings.BaseUrl,
            Credentials = AwsCredentialSource.FromEnvironment(context.Environment, allowAmbient),
            Discovery = discovery,
            ConfiguredModels = settings.Models,
            Headers = settings.Headers,
            Transport = context.Transport,
            TimeProvider = context.TimeProvider,
            Timeout = settings.Timeout,
        };
    }

    private static BedrockDiscoveryOptions ReadDiscovery(ProviderFactoryContext context)
    {
        var config = ConfigJson.Object(context.Config, "models", "bedrockDiscovery");
        var defaults = new BedrockDiscoveryOptions();
        var refresh = ConfigJson.Number(config, "refreshInterval");
        return new BedrockDiscoveryOptions
        {
            Enabled = ConfigJson.Bool(config, "enabled"),
            Region = ConfigJson.NonEmpty(ConfigJson.String(config, "region")),
            ProviderFilter = ConfigJson.Strings(config, "providerFilter"),
            RefreshInterval = refresh is { } seconds && seconds >= 0 ? TimeSpan.FromSeconds((double)seconds) : defaults.RefreshInterval,
            DefaultContextWindow = ConfigJson.Int(config, "defaultContextWindow") ?? defaults.DefaultContextWindow,
            DefaultMaxTokens = ConfigJson.Int(config, "defaultMaxTokens") ?? defaults.DefaultMaxTokens,
        };
    }
}
