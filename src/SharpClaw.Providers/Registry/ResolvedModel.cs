using Microsoft.Extensions.AI;
using SharpClaw.Providers.Abstractions;

namespace SharpClaw.Providers.Registry;

/// <summary>The outcome of <see cref="ProviderRegistry.ResolveModel"/>: a usable provider and the model's definition.</summary>
/// <param name="Definition">The known definition, or an ad-hoc one (<c>Source = "ad-hoc"</c>, only ref + api) for a model id the provider was never told about.</param>
/// <param name="Alias">The alias the model has in <c>agents.defaults.models</c>, if any.</param>
internal sealed record ResolvedModel(ModelRef Ref, IModelProvider Provider, ModelDefinition Definition, string? Alias)
{
    public IChatClient CreateChatClient() => Provider.CreateChatClient(Ref.Model);
}
