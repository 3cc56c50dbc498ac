using System.Text.Json.Nodes;
using SharpClaw.Providers.Anthropic;
using SharpClaw.Providers.Common;

namespace SharpClaw.Providers.Bedrock;

/// <summary>
/// Thinking on Bedrock, for Anthropic Claude models (ids, inference profiles or ARNs containing
/// <c>anthropic.claude</c>): <c>additionalModelRequestFields.thinking</c> <c>{type: "enabled", budget_tokens}</c>
/// with the Anthropic adapter's budgets (minimal 1024, low 4096, medium 10000, high 32000), or
/// <c>{type: "adaptive"}</c> on models where budgets are deprecated. <c>maxTokens</c> is raised above the budget when
/// needed and temperature/topP are dropped (Claude rejects them while thinking). Other model families and off/unset
/// levels send nothing.
/// </summary>
internal static class BedrockThinking
{
    private const int Headroom = 8192;

    public static bool IsClaude(string modelId) => modelId.Contains("anthropic.claude", StringComparison.OrdinalIgnoreCase);

    public static void Apply(JsonObject body, ThinkingLevel? level, string modelId)
    {
        if (level is null or ThinkingLevel.Off || !IsClaude(modelId))
        {
            return;
        }

        var inference = body["inferenceConfig"] as JsonObject ?? [];
        inference.Remove("temperature");
        inference.Remove("topP");
        var fields = body["additionalModelRequestFields"] as JsonObject ?? [];
        if (AnthropicThinking.AdaptiveOnlyModels.Any(m => modelId.Contains(m, StringComparison.OrdinalIgnoreCase)))
        {
            fields["thinking"] = new JsonObject { ["type"] = "adaptive" };
        }
        else
        {
            var budget = AnthropicThinking.BudgetFor(level.Value);
            var maxTokens = (int?)inference["maxTokens"];
            if (maxTokens is null || maxTokens <= budget)
            {
                inference["maxTokens"] = budget + Headroom;
            }

            fields["thinking"] = new JsonObject { ["type"] = "enabled", ["budget_tokens"] = budget };
        }

        body["inferenceConfig"] = inference;
        body["additionalModelRequestFields"] = fields;
    }
}
