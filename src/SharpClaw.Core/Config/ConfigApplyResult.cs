namespace SharpClaw.Core.Config;

/// <summary>What <see cref="ConfigStore.ApplyAsync"/> did: the new snapshot and whether the change needs a restart.</summary>
/// <param name="Snapshot">The config now in effect.</param>
/// <param name="Plan">Changed paths (of the resolved config) split into hot-applied and restart-needing ones.</param>
/// <param name="Noop">True when the new text equals the current file (nothing was written).</param>
public sealed record ConfigApplyResult(ConfigSnapshot Snapshot, ConfigReloadPlan Plan, bool Noop)
{
    public bool RestartRequired => Plan.RestartRequired;
}
