namespace SharpClaw.Providers.Abstractions;

/// <summary>A provider that can list its configured, bundled and last discovered models without I/O (for cost and context lookups).</summary>
internal interface IKnownModels
{
    IReadOnlyList<ModelDefinition> KnownModels { get; }
}
