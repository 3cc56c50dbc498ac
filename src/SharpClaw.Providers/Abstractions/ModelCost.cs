namespace SharpClaw.Providers.Abstractions;

/// <summary>USD per million tokens for each usage bucket.</summary>
public sealed record ModelCost(decimal Input, decimal Output, decimal CacheRead, decimal CacheWrite);
