using System.Text.Json.Nodes;
using SharpClaw.Providers.Common;

namespace SharpClaw.Providers.Gemini;

/// <summary>
/// Thinking for <c>google-generative-ai</c>: <c>generationConfig.thinkingConfig</c> with a token budget per level
/// (minimal 128, low 2048, medium 8192, high 32768; xhigh/max collapse to high) and <c>includeThoughts</c> so thought
/// summaries stream back as reasoning. Off sends <c>thinkingBudget: 0</c>, except on Pro models, which cannot stop
/// thinking (they get the minimum budget without thought summaries). Budgets are clamped to the documented ranges of
/// Flash (≤ 24576) and Flash-Lite (512–24576). Unset sends no <c>thinkingConfig</c> (the model's default).
/// </summary>
internal static class GeminiThinking
{
    public static int BudgetFor(ThinkingLevel level) => level switch
    {
        ThinkingLevel.Minimal => 128,
        ThinkingLevel.Low => 2048,
        ThinkingLevel.Medium => 8192,
        ThinkingLevel.High => 32768,
        _ => 0,
    };

    public static JsonObject? Config(ThinkingLevel? level, string modelId)
    {
        if (level is null)
        {
            return null;
        }

        var model = modelId.ToLowerInvariant();
        if (level == ThinkingLevel.Off)
        {
            return model.Contains("-pro", StringComparison.Ordinal)
                ? new JsonObject { ["thinkingBudget"] = 128, ["includeThoughts"] = false }
                : new JsonObject { ["thinkingBudget"] = 0 };
        }

        var budget = BudgetFor(level.Value);
        if (model.Contains("flash-lite", StringComparison.Ordinal))
        {
            budget = Math.Clamp(budget, 512, 24576);
        }
        else if (model.Contains("gemini-2.5-flash", StringComparison.Ordinal))
        {
            budget = Math.Min(budget, 24576);
        }

        return new JsonObject { ["thinkingBudget"] = budget, ["includeThoughts"] = true };
    }
}
