namespace SharpClaw.Gateway.Agents;

/// <summary>A queued system notice: its text, source and when it arrived.</summary>
public sealed record SystemEvent(string Text, string Source, long TsMs, string Mode);
