using System.Threading.Channels;
using SharpClaw.Agents.Runs;

namespace SharpClaw.Gateway.Http;

/// <summary>
/// An agent run started for an HTTP request: its assistant text deltas as they stream (the stream ends at the run's
/// lifecycle <c>end</c>/<c>error</c> event or its result, whichever comes first), and its result.
/// </summary>
internal sealed class HttpRun(AgentRun run, Channel<string> deltas, Task<string> lifecycleEnded, IDisposable subscription, CancellationTokenRegistration abortOnDisconnect) : IDisposable
{
    /// <summary>How long a stream that needs no usage waits for the result after the lifecycle has ended.</summary>
    public static readonly TimeSpan ResultGrace = TimeSpan.FromSeconds(2);

    public AgentRun Run => run;

    public ChannelReader<string> Deltas => deltas.Reader;

    public Task<AgentRunResult> Completion => run.Completion;

    /// <summary>
    /// The result. When the lifecycle has already ended and <paramref name="mustResolve"/> is false (no usage
    /// requested), a result that does not arrive within <see cref="ResultGrace"/> is replaced by one built from the
    /// lifecycle phase, so the stream can end with <c>[DONE]</c> instead of hanging.
    /// </summary>
    public async Task<AgentRunResult> ResultAsync(bool mustResolve, TimeProvider time, CancellationToken cancellationToken)
    {
        if (mustResolve || !lifecycleEnded.IsCompleted || run.Completion.IsCompleted)
        {
            return await run.Completion.WaitAsync(cancellationToken);
        }

        try
        {
            return await run.Completion.WaitAsync(ResultGrace, time, cancellationToken);
        }
        catch (TimeoutException)
        {
            var failed = await lifecycleEnded == "error";
            return new AgentRunResult { Status = failed ? "error" : "ok", Error = failed ? "run failed" : null };
        }
    }

    /// <summary>
    /// Ends the request's hold on the run. A run still going when its HTTP handler leaves has lost its caller (the
    /// client disconnected and the write failed before <c>RequestAborted</c> fired, or the handler failed): it is
    /// aborted rather than left running with nobody to receive it.
    /// </summary>
    public void Dispose()
    {
        abortOnDisconnect.Dispose();
        subscription.Dispose();
        if (!lifecycleEnded.IsCompleted && !run.IsEnded)
        {
            run.Abort();
        }
    }
}
