namespace SharpClaw.Core.Config;

/// <summary><c>gateway.auth.rateLimit</c> with OpenClaw's defaults (10 failures / 60 s → 5 min lockout, loopback exempt).</summary>
public sealed record GatewayRateLimitSettings(int MaxAttempts = 10, int WindowMs = 60_000, int LockoutMs = 300_000, bool ExemptLoopback = true);
