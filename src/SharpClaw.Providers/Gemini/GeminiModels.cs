using SharpClaw.Providers.Abstractions;

namespace SharpClaw.Providers.Gemini;

/// <summary>Built-in Gemini model metadata (public limits; list prices in USD per million tokens where known).</summary>
internal static class GeminiModels
{
    public const string DefaultModelId = "gemini-3-flash-preview";

    public static IReadOnlyList<ModelDefinition> Defaults(string providerId) =>
    [
        Model(providerId, DefaultModelId, "Gemini 3 Flash (preview)", new ModelCost(0.5m, 3m, 0.05m, 0m)),
        Model(providerId, "gemini-2.5-pro", "Gemini 2.5 Pro", null),
        Model(providerId, "gemini-2.5-flash", "Gemini 2.5 Flash", null),
    ];

    private static ModelDefinition Model(string providerId, string id, string name, ModelCost? cost) => new()
    {
        Ref = new ModelRef(providerId, id),
        Name = name,
        Api = GeminiChatClientFactory.Api,
        ContextWindow = 1_048_576,
        MaxOutputTokens = 65_536,
        Reasoning = true,
        Input = ["text", "image"],
        Cost = cost,
        Source = "default",
    };
}
