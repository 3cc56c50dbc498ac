namespace SharpClaw.Providers.Abstractions;

/// <summary>Why a provider call failed, in OpenClaw's failover vocabulary (openclaw-core §5.5).</summary>
public enum FailoverReason
{
    Unknown,
    Auth,
    AuthPermanent,
    Format,
    RateLimit,
    Overloaded,
    Billing,
    ServerError,
    Timeout,
    ContextOverflow,
    ModelNotFound,
    EmptyResponse,
    Aborted,
}
