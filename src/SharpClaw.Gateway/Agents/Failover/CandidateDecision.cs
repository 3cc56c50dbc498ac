namespace SharpClaw.Gateway.Agents.Failover;

public enum CandidateDecision
{
    Allowed,
    Probe,
    Skip,
}
