using System.Text.Json.Nodes;
using SharpClaw.Providers.Abstractions;

namespace SharpClaw.Providers.Registry;

/// <summary>Reads <c>models.providers.&lt;id&gt;.models[]</c> entries (openclaw-core §5.2) into <see cref="ModelDefinition"/>s.</summary>
internal static class ModelDefinitionReader
{
    public static IReadOnlyList<ModelDefinition> ReadAll(string providerId, string providerApi, JsonObject? providerConfig)
    {
        if (ConfigJson.Node(providerConfig, "models") is not JsonArray models)
        {
            return [];
        }

        var result = new List<ModelDefinition>();
        foreach (var model in models.OfType<JsonObject>())
        {
            if (Read(providerId, providerApi, model) is { } definition)
            {
                result.Add(definition);
            }
        }

        return result;
    }

    public static ModelDefinition? Read(string providerId, string providerApi, JsonObject model)
    {
        if (ConfigJson.NonEmpty(ConfigJson.String(model, "id")) is not { } id)
        {
            return null;
        }

        var input = ConfigJson.Strings(model, "input");
        return new ModelDefinition
        {
            Ref = new ModelRef(providerId, id),
            Name = ConfigJson.String(model, "name"),
            Api = ConfigJson.String(model, "api") ?? providerApi,
            ContextWindow = ConfigJson.Int(model, "contextWindow"),
            MaxOutputTokens = ConfigJson.Int(model, "maxTokens"),
            Reasoning = ConfigJson.Bool(model, "reasoning") ?? false,
            Input = input.Count > 0 ? input : ["text"],
            Cost = ReadCost(ConfigJson.Object(model, "cost")),
            PartialCostFields = PartialFields(ConfigJson.Object(model, "cost")),
            Source = "configured",
        };
    }

    private static readonly string[] CostFields = ["input", "output", "cacheRead", "cacheWrite"];

    private static IReadOnlyList<string>? PartialFields(JsonObject? cost)
    {
        var present = cost is null ? [] : CostFields.Where(f => ConfigJson.Number(cost, f) is not null).ToArray();
        return present.Length is 0 or 4 ? null : present;
    }

    private static ModelCost? ReadCost(JsonObject? cost)
        => cost is null
            ? null
            : new ModelCost(
                ConfigJson.Number(cost, "input") ?? 0m,
                ConfigJson.Number(cost, "output") ?? 0m,
                ConfigJson.Number(cost, "cacheRead") ?? 0m,
                ConfigJson.Number(cost, "cacheWrite") ?? 0m);
}
