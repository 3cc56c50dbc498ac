using SharpClaw.Providers.Abstractions;

namespace SharpClaw.Providers.Copilot;

/// <summary>
/// The Copilot models offered without discovery (ids vary by plan; unavailable ones fail at call time). Usage is
/// covered by the Copilot subscription, so the rates are zero.
/// </summary>
internal static class CopilotModels
{
    public const string DefaultModelId = "gpt-4.1";
    public const int DefaultContextWindow = 128_000;
    public const int DefaultMaxTokens = 8192;

    private static readonly string[] Ids =
    [
        DefaultModelId, "gpt-4o", "gpt-5-mini", "gpt-5.2", "claude-sonnet-4.5", "claude-haiku-4.5", "claude-opus-4.5",
        "gemini-2.5-pro", "grok-code-fast-1",
    ];

    /// <summary>Defaults that accept <c>reasoning_effort</c>; discovery reads <c>capabilities.supports.reasoning_effort</c>.</summary>
    private static readonly string[] ReasoningIds = ["gpt-5-mini", "gpt-5.2"];

    public static IReadOnlyList<ModelDefinition> Defaults(string providerId)
        => Ids.Select(id => Define(providerId, id, null, null, null, "default", ReasoningIds.Contains(id))).ToList();

    public static ModelDefinition Define(string providerId, string id, string? name, int? contextWindow, int? maxTokens, string source, bool reasoning) => new()
    {
        Ref = new ModelRef(providerId, id),
        Name = name ?? id,
        Api = CopilotProvider.ApiName,
        ContextWindow = contextWindow ?? DefaultContextWindow,
        MaxOutputTokens = maxTokens ?? DefaultMaxTokens,
        Reasoning = reasoning,
        Input = ["text", "image"],
        Cost = new ModelCost(0m, 0m, 0m, 0m),
        Source = source,
    };
}
