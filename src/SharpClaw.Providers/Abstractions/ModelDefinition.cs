namespace SharpClaw.Providers.Abstractions;

/// <summary>A model a provider offers (configured or discovered), as <c>models.list</c> shows it.</summary>
public sealed record ModelDefinition
{
    public required ModelRef Ref { get; init; }

    public string? Name { get; init; }

    /// <summary>anthropic-messages | openai-completions | google-generative-ai | bedrock-converse-stream | ollama | github-copilot.</summary>
    public required string Api { get; init; }

    public int? ContextWindow { get; init; }

    public int? MaxOutputTokens { get; init; }

    public bool Reasoning { get; init; }

    /// <summary>Input kinds: text, image.</summary>
    public IReadOnlyList<string> Input { get; init; } = ["text"];

    public ModelCost? Cost { get; init; }

    /// <summary>
    /// The rates config actually stated (<c>input</c>, <c>output</c>, <c>cacheRead</c>, <c>cacheWrite</c>) when it
    /// stated only some; the others come from the bundled catalog entry of the same model. Null = complete or none.
    /// </summary>
    public IReadOnlyList<string>? PartialCostFields { get; init; }

    /// <summary>configured | discovered | default.</summary>
    public string Source { get; init; } = "configured";
}
