namespace SharpClaw.Providers.Abstractions;

/// <summary>
/// A classified provider failure. Every adapter throws this (never raw HTTP/SDK exceptions) so the failover
/// runner can decide between retry, auth-profile cooldown, billing disable, model fallback or compaction.
/// </summary>
public sealed class ProviderException : Exception
{
    public ProviderException(string provider, string? model, FailoverReason reason, string message, int? httpStatus = null, TimeSpan? retryAfter = null, Exception? inner = null)
        : base(message, inner)
    {
        Provider = provider;
        Model = model;
        Reason = reason;
        HttpStatus = httpStatus;
        RetryAfter = retryAfter;
    }

    public string Provider { get; }

    public string? Model { get; }

    public FailoverReason Reason { get; }

    public int? HttpStatus { get; }

    public TimeSpan? RetryAfter { get; }

    /// <summary>True when trying the next model in the fallback chain can help.</summary>
    public bool IsFailoverWorthy => Reason is not (FailoverReason.ContextOverflow or FailoverReason.Format or FailoverReason.Aborted);
}
