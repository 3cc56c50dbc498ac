using SharpClaw.Providers.Abstractions;

namespace SharpClaw.Providers.Registry;

/// <summary>
/// A provider implemented outside the registry (google, amazon-bedrock, github-copilot, …). The registry calls
/// <see cref="Create"/> once per build with the merged settings for <see cref="Id"/>; a registration with a built-in
/// id replaces the built-in. Registrations are created even without a config entry (their provider reports
/// <see cref="IModelProvider.IsConfigured"/> from its own credential checks) unless <c>models.mode</c> is
/// <c>replace</c> and the id is absent from config.
/// </summary>
internal sealed record ModelProviderRegistration(string Id, Func<ProviderFactoryContext, IModelProvider> Create)
{
    /// <summary>API kind this factory also serves for custom config providers (<c>models.providers.x.api</c>), e.g. <c>google-generative-ai</c>.</summary>
    public string? Api { get; init; }

    /// <summary>The model used when this provider is the default and no model is named (e.g. <c>gemini-3-flash-preview</c>).</summary>
    public string? DefaultModelId { get; init; }

    /// <summary>Provider-specific env vars tried after the conventional ones (e.g. <c>GEMINI_API_KEY</c>).</summary>
    public IReadOnlyList<string> ExtraEnvVars { get; init; } = [];
}
