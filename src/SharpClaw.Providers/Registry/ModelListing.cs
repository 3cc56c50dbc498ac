using SharpClaw.Providers.Abstractions;

namespace SharpClaw.Providers.Registry;

/// <summary>One row of <see cref="ProviderRegistry.ListModelsAsync"/>.</summary>
/// <param name="Available">The provider is configured (has a key / was detected), so the model can be called.</param>
/// <param name="IsDefault">This is the model used when none is named.</param>
internal sealed record ModelListing(ModelDefinition Model, bool Available, string? Alias, bool IsDefault);
