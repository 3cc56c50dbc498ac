namespace SharpClaw.Providers.Copilot;

/// <summary>Per-request Copilot header values: who initiated the call (<c>user</c>/<c>agent</c>) and whether it carries images.</summary>
internal sealed record CopilotRequestFlags(string Initiator, bool Vision);
