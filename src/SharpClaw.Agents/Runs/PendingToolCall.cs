namespace SharpClaw.Agents.Runs;

/// <summary>A call of a client-executed tool that ended the run, for the caller to fulfil.</summary>
public sealed record PendingToolCall(string CallId, string Name, string ArgumentsJson);
