namespace SharpClaw.Core.Config;

/// <summary>Why a hot reload was refused.</summary>
internal sealed record ConfigReloadFailure(string Message, IReadOnlyList<ConfigIssue> Issues);
