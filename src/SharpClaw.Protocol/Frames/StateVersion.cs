namespace SharpClaw.Protocol.Frames;

/// <summary>Monotonic versions of the presence and health snapshots.</summary>
public readonly record struct StateVersion(long Presence, long Health);
