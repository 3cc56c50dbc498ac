using SharpClaw.Providers.Abstractions;

namespace SharpClaw.Gateway.Agents.Failover;

/// <summary>OpenClaw's wire names for <see cref="FailoverReason"/> (<c>rate_limit</c>, <c>billing</c>, …).</summary>
public static class FailoverReasons
{
    public static string Name(FailoverReason reason) => reason switch
    {
        FailoverReason.Auth => "auth",
        FailoverReason.AuthPermanent => "auth_permanent",
        FailoverReason.Format => "format",
        FailoverReason.RateLimit => "rate_limit",
        FailoverReason.Overloaded => "overloaded",
        FailoverReason.Billing => "billing",
        FailoverReason.ServerError => "server_error",
        FailoverReason.Timeout => "timeout",
        FailoverReason.ContextOverflow => "context_overflow",
        FailoverReason.ModelNotFound => "model_not_found",
        FailoverReason.EmptyResponse => "empty_response",
        FailoverReason.Aborted => "aborted",
        _ => "unknown",
    };
}
