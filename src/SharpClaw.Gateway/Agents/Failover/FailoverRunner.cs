using System.Runtime.CompilerServices;
using Microsoft.Extensions.AI;
using SharpClaw.Providers.Abstractions;

namespace SharpClaw.Gateway.Agents.Failover;

/// <summary>
/// Tries the candidates in order (primary, then <c>fallbacks[]</c>): a provider in cooldown/disabled is skipped
/// unless it is due a probe; a failure before any output with a failover-worthy reason is recorded against the
/// provider and the next candidate is tried; context overflow, format errors and aborts end the call at once (a
/// smaller model would fare worse; the runner compacts instead). Once output has been streamed, a failure is
/// recorded and rethrown (no replay). A completed stream resets the provider's error state.
/// </summary>
public sealed class FailoverRunner
{
    private readonly ProviderHealth _health;

    public FailoverRunner(ProviderHealth health)
    {
        _health = health;
    }

    public async IAsyncEnumerable<ChatResponseUpdate> RunAsync(
        IReadOnlyList<FailoverCandidate> candidates,
        Action<FailoverCandidate>? onSelected,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ProviderException? last = null;
        foreach (var candidate in candidates)
        {
            var check = _health.Check(candidate.Provider);
            if (check.Decision == CandidateDecision.Skip)
            {
                last ??= Skipped(candidate, check);
                continue;
            }

            var yielded = false;
            var failed = false;
            await using (var e = candidate.Stream().GetAsyncEnumerator(cancellationToken))
            {
                while (true)
                {
                    ChatResponseUpdate update;
                    try
                    {
                        if (!await e.MoveNextAsync())
                        {
                            break;
                        }

                        update = e.Current;
                    }
                    catch (ProviderException ex) when (!cancellationToken.IsCancellationRequested)
                    {
                        _health.RecordFailure(candidate.Provider, candidate.Model, ex.Reason);
                        if (yielded || !ex.IsFailoverWorthy)
                        {
                            throw;
                        }

                        last = ex;
                        failed = true;
                        break;
                    }

                    if (!yielded)
                    {
                        yielded = true;
                        onSelected?.Invoke(candidate);
                    }

                    yield return update;
                }
            }

            if (failed)
            {
                continue;
            }

            if (!yielded)
            {
                onSelected?.Invoke(candidate);
            }

            _health.RecordSuccess(candidate.Provider);
            yield break;
        }

        throw last ?? new ProviderException("unknown", null, FailoverReason.Unknown, "no model candidate could answer");
    }

    private static ProviderException Skipped(FailoverCandidate candidate, CandidateCheck check)
    {
        var billing = check.Reason == "billing";
        var what = billing ? "disabled (billing: insufficient credits)" : $"cooling down ({check.Reason ?? "rate_limit"})";
        return new ProviderException(
            candidate.Provider,
            candidate.Model,
            billing ? FailoverReason.Billing : FailoverReason.RateLimit,
            $"{candidate.Provider}/{candidate.Model}: provider is {what} until {check.Until:yyyy-MM-ddTHH:mm:ssZ}; add fallbacks (agents.defaults.model.fallbacks) or wait");
    }
}
