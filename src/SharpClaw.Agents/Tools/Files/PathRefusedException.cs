namespace SharpClaw.Agents.Tools.Files;

/// <summary>A path a file tool refuses to touch; the message says why and what is allowed.</summary>
public sealed class PathRefusedException(string message) : Exception(message);
