namespace SharpClaw.Agents.Tools;

/// <summary>Where a tool runs: agent, session, run and workspace.</summary>
public sealed record ToolContext(string AgentId, string SessionKey, string RunId, string Workspace);
