using SharpClaw.Providers.Abstractions;

namespace SharpClaw.Providers.Bedrock;

/// <summary>Discovered models; <paramref name="Partial"/> when one of the two listings failed (cached only briefly).</summary>
internal sealed record BedrockDiscoveryResult(IReadOnlyList<ModelDefinition> Models, bool Partial);
