namespace SharpClaw.Core.State;

/// <summary>One forward-only schema step, applied inside a transaction.</summary>
public sealed record Migration(int Version, string Name, string Sql);
