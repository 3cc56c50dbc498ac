using Microsoft.Extensions.AI;

namespace SharpClaw.Providers.Abstractions;

/// <summary>
/// Token counts normalised across providers' naming (prompt/completion, input/output, cache read/write).
/// Adapters report through MEAI <see cref="UsageDetails"/> with the cache buckets in
/// <see cref="UsageDetails.AdditionalCounts"/> under <see cref="CacheReadKey"/> and <see cref="CacheWriteKey"/>.
/// </summary>
public sealed record TokenUsage(long Input, long Output, long CacheRead, long CacheWrite)
{
    public const string CacheReadKey = "cacheRead";
    public const string CacheWriteKey = "cacheWrite";

    public static readonly TokenUsage Zero = new(0, 0, 0, 0);

    public long Total => Input + Output + CacheRead + CacheWrite;

    public static TokenUsage From(UsageDetails? usage)
    {
        if (usage is null)
        {
            return Zero;
        }

        long Extra(string key) => usage.AdditionalCounts is { } extra && extra.TryGetValue(key, out var v) ? v : 0;
        return new TokenUsage(usage.InputTokenCount ?? 0, usage.OutputTokenCount ?? 0, Extra(CacheReadKey), Extra(CacheWriteKey));
    }

    public TokenUsage Add(TokenUsage other) => new(Input + other.Input, Output + other.Output, CacheRead + other.CacheRead, CacheWrite + other.CacheWrite);

    /// <summary>Cost in USD: tokens × rate / 1e6 per bucket.</summary>
    public decimal CostUsd(ModelCost? cost)
        => cost is null ? 0m : ((Input * cost.Input) + (Output * cost.Output) + (CacheRead * cost.CacheRead) + (CacheWrite * cost.CacheWrite)) / 1_000_000m;
}
