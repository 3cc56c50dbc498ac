namespace SharpClaw.Gateway.Agents.Failover;

/// <summary>
/// Failure/recovery state of one auth profile (<c>&lt;provider&gt;:default</c>), in the shape of OpenClaw's
/// <c>usageStats</c> entry: cooldown (rate limits) and disabled (billing) windows with their reasons, the error count
/// and per-reason failure counts, plus how many windows of each kind were opened in a row (the backoff step).
/// </summary>
public sealed record AuthProfileState
{
    public static readonly AuthProfileState Clean = new();

    public DateTimeOffset? CooldownUntil { get; init; }

    public string? CooldownReason { get; init; }

    public string? CooldownModel { get; init; }

    public DateTimeOffset? DisabledUntil { get; init; }

    public string? DisabledReason { get; init; }

    public int ErrorCount { get; init; }

    /// <summary>Failures per reason (<c>rate_limit</c>, <c>billing</c>, <c>timeout</c>, …) since the last success.</summary>
    public IReadOnlyDictionary<string, int> FailureCounts { get; init; } = new Dictionary<string, int>();

    /// <summary>Cooldown windows opened since the last success (1 → 5 min, 2 → 25 min, ≥3 → 60 min).</summary>
    public int CooldownStep { get; init; }

    /// <summary>Billing windows opened since the last success (same backoff).</summary>
    public int DisabledStep { get; init; }

    public DateTimeOffset? LastFailureAt { get; init; }

    public DateTimeOffset? LastUsed { get; init; }

    public DateTimeOffset? LastProbeAt { get; init; }

    public bool IsClean => ErrorCount == 0 && CooldownUntil is null && DisabledUntil is null && CooldownStep == 0 && DisabledStep == 0;

    public bool InCooldown(DateTimeOffset now) => CooldownUntil is { } until && until > now;

    public bool IsDisabled(DateTimeOffset now) => DisabledUntil is { } until && until > now;

    /// <summary>The later of the active windows, or null when the profile is usable.</summary>
    public DateTimeOffset? BlockedUntil(DateTimeOffset now)
    {
        DateTimeOffset? until = null;
        if (InCooldown(now))
        {
            until = CooldownUntil;
        }

        if (IsDisabled(now) && (until is null || DisabledUntil > until))
        {
            until = DisabledUntil;
        }

        return until;
    }

    /// <summary>ok | cooldown | disabled.</summary>
    public string StateAt(DateTimeOffset now) => IsDisabled(now) ? "disabled" : InCooldown(now) ? "cooldown" : "ok";
}
