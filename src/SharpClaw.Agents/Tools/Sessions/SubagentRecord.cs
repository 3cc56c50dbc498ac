namespace SharpClaw.Agents.Tools.Sessions;

/// <summary>A sub-agent run spawned by a parent session.</summary>
public sealed record SubagentRecord(string RunId, string ParentSessionKey, string ChildSessionKey, string AgentId, string Task, long StartedAtMs)
{
    public string Status { get; set; } = "running";

    public string? Result { get; set; }
}
