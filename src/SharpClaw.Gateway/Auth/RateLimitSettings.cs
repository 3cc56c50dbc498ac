namespace SharpClaw.Gateway.Auth;

/// <summary><c>gateway.auth.rateLimit</c>.</summary>
public sealed record RateLimitSettings(int MaxAttempts = 10, long WindowMs = 60_000, long LockoutMs = 300_000, bool ExemptLoopback = true);
