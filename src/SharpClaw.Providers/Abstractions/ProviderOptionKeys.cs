namespace SharpClaw.Providers.Abstractions;

/// <summary>Keys SharpClaw puts in <c>ChatOptions.AdditionalProperties</c> for adapters to map.</summary>
public static class ProviderOptionKeys
{
    /// <summary>Thinking level: off | minimal | low | medium | high (string). Each adapter maps it to its wire form.</summary>
    public const string Thinking = "sharpclaw.thinking";
}
