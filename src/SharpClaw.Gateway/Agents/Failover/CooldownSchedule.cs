namespace SharpClaw.Gateway.Agents.Failover;

/// <summary>
/// The fail-over timing of seed §4.5: rate-limit cooldown and billing disable back off 5 → 25 → 60 min (cap); near
/// the end of a window (<see cref="ProbeMargin"/>) the provider is probed at most every <see cref="ProbeInterval"/>;
/// failure counts older than <see cref="FailureWindow"/> start over.
/// </summary>
public static class CooldownSchedule
{
    public static readonly TimeSpan ProbeMargin = TimeSpan.FromMinutes(2);
    public static readonly TimeSpan ProbeInterval = TimeSpan.FromSeconds(30);
    public static readonly TimeSpan FailureWindow = TimeSpan.FromHours(24);
    public static readonly TimeSpan Cap = TimeSpan.FromMinutes(60);

    /// <summary>Window length for the <paramref name="step"/>-th consecutive window: 5 min × 5^(step−1), at most 60 min.</summary>
    public static TimeSpan Backoff(int step) => step switch
    {
        <= 1 => TimeSpan.FromMinutes(5),
        2 => TimeSpan.FromMinutes(25),
        _ => Cap,
    };
}
