namespace SharpClaw.Agents.Tools;

/// <summary>A tool call refused by policy or a safety rule; the message says why and how to proceed.</summary>
public sealed class ToolRefusedException(string message) : Exception(message);
