namespace SharpClaw.Gateway.Agents.Failover;

/// <summary>Whether a provider may be called now: <c>Allowed</c>, <c>Probe</c> (a window is about to end) or <c>Skip</c> until <see cref="Until"/>.</summary>
public readonly record struct CandidateCheck(CandidateDecision Decision, DateTimeOffset? Until = null, string? Reason = null)
{
    public static readonly CandidateCheck Allowed = new(CandidateDecision.Allowed);
}
