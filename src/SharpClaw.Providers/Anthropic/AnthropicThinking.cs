using Anthropic.Models.Messages;
using Microsoft.Extensions.AI;
using SharpClaw.Providers.Common;

namespace SharpClaw.Providers.Anthropic;

/// <summary>
/// Thinking for <c>anthropic-messages</c>. Off or unset sends no thinking block.
/// <para>Extended thinking (<c>thinking: {type: "enabled", budget_tokens}</c>) with budgets minimal 1024 (the API
/// minimum), low 4096, medium 10000, high 32000 (xhigh/max collapse to high). <c>max_tokens</c> must exceed the
/// budget: when the caller set none and the model's cap is unknown it becomes budget + 8192; otherwise the budget
/// shrinks to fit (never below 1024).</para>
/// <para>Models on which Anthropic deprecated budgets (<see cref="AdaptiveOnlyModels"/>, e.g. <c>claude-opus-4-6</c>)
/// get adaptive thinking instead (<c>thinking: {type: "adaptive", display: "summarized"}</c> with
/// <c>output_config.effort</c> low/low/medium/high for minimal/low/medium/high); the SDK would otherwise print a
/// deprecation warning to stderr on every call.</para>
/// Temperature and top-k are dropped while thinking because the API rejects them.
/// </summary>
internal static class AnthropicThinking
{
    public const int MinimumBudget = 1024;

    private const long DefaultHeadroom = AnthropicChatClientFactory.DefaultMaxOutputTokens;

    /// <summary>Model id prefixes that take adaptive thinking only (budgets deprecated).</summary>
    public static readonly IReadOnlyList<string> AdaptiveOnlyModels = ["claude-opus-4-6", "claude-mythos"];

    public static int BudgetFor(ThinkingLevel level) => level switch
    {
        ThinkingLevel.Minimal => 1024,
        ThinkingLevel.Low => 4096,
        ThinkingLevel.Medium => 10000,
        ThinkingLevel.High => 32000,
        _ => 0,
    };

    public static bool IsAdaptiveOnly(string modelId)
        => AdaptiveOnlyModels.Any(prefix => modelId.StartsWith(prefix, StringComparison.OrdinalIgnoreCase));

    public static ChatOptions? ShapeOptions(ChatOptions? options, string modelId, AnthropicTokenLimits limits)
    {
        var level = ThinkingOptions.Read(options);
        var shaped = ThinkingOptions.WithoutThinkingKey(options);
        if (level is null || shaped is null)
        {
            return shaped;
        }

        shaped.Reasoning = null;
        if (level == ThinkingLevel.Off)
        {
            return shaped;
        }

        var model = shaped.ModelId ?? modelId;
        var adaptive = IsAdaptiveOnly(model);
        long budget = BudgetFor(level.Value);
        long maxTokens = shaped.MaxOutputTokens ?? limits.DefaultMaxTokens;
        if (!adaptive && maxTokens <= budget)
        {
            if (shaped.MaxOutputTokens is null && !limits.CapKnown)
            {
                maxTokens = budget + DefaultHeadroom;
            }
            else
            {
                budget = Math.Max(MinimumBudget, maxTokens - MinimumBudget);
                maxTokens = Math.Max(maxTokens, budget + 1);
            }
        }

        var previous = shaped.RawRepresentationFactory;
        shaped.Temperature = null;
        shaped.TopK = null;
        shaped.RawRepresentationFactory = client =>
        {
            var raw = previous?.Invoke(client) as MessageCreateParams
                ?? new MessageCreateParams { Model = model, MaxTokens = maxTokens, Messages = [] };
            return adaptive
                ? raw with
                {
                    Thinking = new ThinkingConfigAdaptive { Display = Display.Summarized },
                    OutputConfig = new OutputConfig { Effort = EffortFor(level.Value) },
                    MaxTokens = maxTokens,
                }
                : raw with { Thinking = new ThinkingConfigEnabled(budget), MaxTokens = maxTokens };
        };
        return shaped;
    }

    private static Effort EffortFor(ThinkingLevel level) => level switch
    {
        ThinkingLevel.Minimal or ThinkingLevel.Low => Effort.Low,
        ThinkingLevel.Medium => Effort.Medium,
        _ => Effort.High,
    };
}
