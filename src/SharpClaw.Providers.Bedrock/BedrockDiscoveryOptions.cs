namespace SharpClaw.Providers.Bedrock;

/// <summary><c>models.bedrockDiscovery</c>: automatic model discovery through <c>ListFoundationModels</c> + <c>ListInferenceProfiles</c>.</summary>
internal sealed record BedrockDiscoveryOptions
{
    public const int DefaultContextWindowTokens = 32_000;
    public const int DefaultMaxTokensValue = 4_096;

    /// <summary><c>enabled</c>; null → on when AWS credentials are detected.</summary>
    public bool? Enabled { get; init; }

    /// <summary><c>region</c>; null → the provider's region.</summary>
    public string? Region { get; init; }

    /// <summary><c>providerFilter</c>: Bedrock provider names to keep (e.g. <c>anthropic</c>, <c>amazon</c>); empty keeps all.</summary>
    public IReadOnlyList<string> ProviderFilter { get; init; } = [];

    /// <summary><c>refreshInterval</c> (seconds; 0 disables caching). Default one hour.</summary>
    public TimeSpan RefreshInterval { get; init; } = TimeSpan.FromHours(1);

    /// <summary><c>defaultContextWindow</c> for discovered models.</summary>
    public int DefaultContextWindow { get; init; } = DefaultContextWindowTokens;

    /// <summary><c>defaultMaxTokens</c> for discovered models.</summary>
    public int DefaultMaxTokens { get; init; } = DefaultMaxTokensValue;

    /// <summary>Budget for one discovery round.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(10);
}
