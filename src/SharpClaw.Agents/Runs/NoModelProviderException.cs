namespace SharpClaw.Agents.Runs;

/// <summary>No provider can serve the run; the message names the env vars / config keys to set.</summary>
public sealed class NoModelProviderException(string message) : Exception(message);
