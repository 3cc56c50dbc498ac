namespace SharpClaw.Agents.Runs;

/// <summary>A run's live state: queued → running → ended, with its completion and abort handle.</summary>
public sealed class AgentRun : IDisposable
{
    private readonly TaskCompletionSource<AgentRunResult> _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly CancellationTokenSource _abort = new();

    public AgentRun(string runId, string sessionKey, string agentId, long acceptedAtMs)
    {
        RunId = runId;
        SessionKey = sessionKey;
        AgentId = agentId;
        AcceptedAtMs = acceptedAtMs;
    }

    public string RunId { get; }

    public string SessionKey { get; }

    public string AgentId { get; }

    public long AcceptedAtMs { get; }

    /// <summary>queued | running | ended.</summary>
    public string Phase { get; internal set; } = "queued";

    public long? StartedAtMs { get; internal set; }

    public Task<AgentRunResult> Completion => _completion.Task;

    public CancellationToken AbortToken => _abort.Token;

    public bool IsEnded => _completion.Task.IsCompleted;

    public void Abort() => _abort.Cancel();

    public AgentRunResult? Result { get; private set; }

    internal void Complete(AgentRunResult result)
    {
        Phase = "ended";
        Result = result;
        _completion.TrySetResult(result);
    }

    public void Dispose() => _abort.Dispose();
}
