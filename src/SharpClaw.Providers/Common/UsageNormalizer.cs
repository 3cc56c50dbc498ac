using Microsoft.Extensions.AI;
using SharpClaw.Providers.Abstractions;

namespace SharpClaw.Providers.Common;

/// <summary>
/// Rewrites MEAI usage into SharpClaw's normalised buckets: <see cref="UsageDetails.InputTokenCount"/> becomes the
/// uncached input only (OpenAI's <c>prompt_tokens</c> and the MEAI Anthropic adapter both include cache reads, the
/// latter cache writes too), and cache reads/writes go to <see cref="TokenUsage.CacheReadKey"/> /
/// <see cref="TokenUsage.CacheWriteKey"/> so <see cref="TokenUsage.From"/> and cost math see disjoint buckets.
/// </summary>
internal static class UsageNormalizer
{
    /// <summary>Where the MEAI Anthropic adapter puts <c>cache_creation_input_tokens</c>.</summary>
    public const string AnthropicCacheCreationKey = "CacheCreationInputTokens";

    public static UsageDetails Normalize(UsageDetails usage)
    {
        if (usage.AdditionalCounts is { } existing && existing.ContainsKey(TokenUsage.CacheReadKey))
        {
            return usage; // already normalised
        }

        var cacheRead = usage.CachedInputTokenCount ?? 0;
        long cacheWrite = usage.AdditionalCounts is { } counts && counts.TryGetValue(AnthropicCacheCreationKey, out var w) ? w : 0;
        var normalized = new UsageDetails
        {
            InputTokenCount = usage.InputTokenCount is { } input ? Math.Max(0, input - cacheRead - cacheWrite) : null,
            OutputTokenCount = usage.OutputTokenCount,
            TotalTokenCount = usage.TotalTokenCount,
            CachedInputTokenCount = usage.CachedInputTokenCount,
            ReasoningTokenCount = usage.ReasoningTokenCount,
            AdditionalCounts = usage.AdditionalCounts is null ? [] : new AdditionalPropertiesDictionary<long>(usage.AdditionalCounts),
        };
        normalized.AdditionalCounts[TokenUsage.CacheReadKey] = cacheRead;
        normalized.AdditionalCounts[TokenUsage.CacheWriteKey] = cacheWrite;
        return normalized;
    }

    public static ChatResponseUpdate Normalize(ChatResponseUpdate update)
    {
        for (var i = 0; i < update.Contents.Count; i++)
        {
            if (update.Contents[i] is UsageContent usage)
            {
                update.Contents[i] = new UsageContent(Normalize(usage.Details)) { RawRepresentation = usage.RawRepresentation };
            }
        }

        return update;
    }
}
