namespace SharpClaw.Agents.Sessions;

/// <summary>One model call's usage, as logged for <c>sessions.usage*</c> and <c>usage.*</c>.</summary>
public sealed record UsageRecord(string SessionKey, string AgentId, string? RunId, string? Provider, string? Model, long Input, long Output, long CacheRead, long CacheWrite, decimal CostUsd, long TimestampMs);
