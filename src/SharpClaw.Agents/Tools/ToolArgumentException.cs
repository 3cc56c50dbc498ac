namespace SharpClaw.Agents.Tools;

/// <summary>A tool call with missing or invalid arguments; the message tells the model how to fix it.</summary>
public sealed class ToolArgumentException(string message) : Exception(message);
