using System.Text.Json.Nodes;
using SharpClaw.Providers.Abstractions;

namespace SharpClaw.Gateway.Agents.Failover;

/// <summary>
/// Auth-profile health per provider (one profile, <c>&lt;provider&gt;:default</c>, per provider): a rate limit opens a
/// cooldown, billing (HTTP 402 / "insufficient credits") a disabled window, both backing off 5 → 25 → 60 min
/// (<see cref="CooldownSchedule"/>); an active window is never extended by a new failure. Near the end of a window
/// a call is let through as a probe at most every 30 s. A successful call clears everything. Context overflow,
/// format errors and aborts are not provider health problems and are not recorded. Changes are written through to
/// <see cref="IAuthProfileStateStore"/> so cooldowns survive a restart.
/// </summary>
public sealed class ProviderHealth
{
    private readonly TimeProvider _time;
    private readonly IAuthProfileStateStore? _store;
    private readonly Lock _lock = new();
    private Dictionary<string, AuthProfileState>? _loaded;

    /// <summary>The store is read on first use (keeps it out of gateway start-up).</summary>
    public ProviderHealth(TimeProvider time, IAuthProfileStateStore? store = null)
    {
        _time = time;
        _store = store;
    }

    private Dictionary<string, AuthProfileState> States
        => _loaded ??= new Dictionary<string, AuthProfileState>(_store?.LoadAll() ?? new Dictionary<string, AuthProfileState>(), StringComparer.OrdinalIgnoreCase);

    public static string ProfileId(string provider) => provider.ToLowerInvariant() + ":default";

    public AuthProfileState Get(string provider)
    {
        lock (_lock)
        {
            return States.GetValueOrDefault(ProfileId(provider)) ?? AuthProfileState.Clean;
        }
    }

    /// <summary>May <paramref name="provider"/> be called now? A granted probe is recorded (the 30 s spacing starts).</summary>
    public CandidateCheck Check(string provider)
    {
        var now = _time.GetUtcNow();
        lock (_lock)
        {
            var id = ProfileId(provider);
            var state = States.GetValueOrDefault(id) ?? AuthProfileState.Clean;
            if (state.BlockedUntil(now) is not { } until)
            {
                return CandidateCheck.Allowed;
            }

            var reason = state.IsDisabled(now) && state.DisabledUntil == until ? state.DisabledReason : state.CooldownReason;
            var nearExpiry = now >= until - CooldownSchedule.ProbeMargin;
            var probeDue = state.LastProbeAt is not { } last || now - last >= CooldownSchedule.ProbeInterval;
            if (nearExpiry && probeDue)
            {
                Update(id, state with { LastProbeAt = now });
                return new CandidateCheck(CandidateDecision.Probe, until, reason);
            }

            return new CandidateCheck(CandidateDecision.Skip, until, reason);
        }
    }

    /// <summary>Records a failed call; only failover-relevant reasons change the state.</summary>
    public void RecordFailure(string provider, string? model, FailoverReason reason)
    {
        if (reason is FailoverReason.ContextOverflow or FailoverReason.Format or FailoverReason.Aborted)
        {
            return;
        }

        var now = _time.GetUtcNow();
        lock (_lock)
        {
            var id = ProfileId(provider);
            var state = States.GetValueOrDefault(id) ?? AuthProfileState.Clean;
            if (state.LastFailureAt is { } lastFailure && now - lastFailure > CooldownSchedule.FailureWindow)
            {
                state = AuthProfileState.Clean with { LastUsed = state.LastUsed };
            }

            var name = FailoverReasons.Name(reason);
            var counts = new Dictionary<string, int>(state.FailureCounts) { [name] = state.FailureCounts.GetValueOrDefault(name) + 1 };
            state = state with { ErrorCount = state.ErrorCount + 1, FailureCounts = counts, LastFailureAt = now };
            if (reason == FailoverReason.RateLimit && !state.InCooldown(now))
            {
                var step = state.CooldownStep + 1;
                state = state with { CooldownStep = step, CooldownUntil = now + CooldownSchedule.Backoff(step), CooldownReason = name, CooldownModel = model };
            }
            else if (reason == FailoverReason.Billing && !state.IsDisabled(now))
            {
                var step = state.DisabledStep + 1;
                state = state with { DisabledStep = step, DisabledUntil = now + CooldownSchedule.Backoff(step), DisabledReason = name };
            }

            Update(id, state);
        }
    }

    /// <summary>A call completed: error count, failure counts, backoff steps and windows are reset.</summary>
    public void RecordSuccess(string provider)
    {
        var now = _time.GetUtcNow();
        lock (_lock)
        {
            var id = ProfileId(provider);
            var state = States.GetValueOrDefault(id);
            if (state is null || state.IsClean)
            {
                return; // nothing to clear: the per-turn path stays free of allocations and writes
            }

            Update(id, AuthProfileState.Clean with { LastUsed = now });
        }
    }

    /// <summary><c>{ "&lt;profile&gt;": usageStats, … }</c> for profiles with failures, for <c>status</c> / <c>usage.status</c>.</summary>
    public JsonObject ToStatusJson()
    {
        var now = _time.GetUtcNow();
        var result = new JsonObject();
        lock (_lock)
        {
            foreach (var (id, state) in States.OrderBy(s => s.Key, StringComparer.Ordinal))
            {
                if (!state.IsClean)
                {
                    result[id] = AuthProfileStateJson.ToJson(state, now);
                }
            }
        }

        return result;
    }

    private void Update(string id, AuthProfileState state)
    {
        States[id] = state;
        _store?.Save(id, state);
    }
}
