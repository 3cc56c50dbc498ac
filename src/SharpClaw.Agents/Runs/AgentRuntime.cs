using System.Collections.Concurrent;
using SharpClaw.Agents.Sessions;
using SharpClaw.Agents.Workspace;

namespace SharpClaw.Agents.Runs;

/// <summary>
/// Starts, queues, tracks, waits for and aborts agent runs. A run id is the caller's idempotency key: the
/// same key returns the same run (never a second run). Finished runs are remembered for 5 minutes.
/// </summary>
public sealed class AgentRuntime(AgentCatalog agents, AgentTurnRunner runner, IAgentEventSink sink, TimeProvider time)
{
    private const long RetainEndedMs = 5 * 60_000;
    private readonly ConcurrentDictionary<string, AgentRun> _runs = new(StringComparer.Ordinal);
    private readonly SessionLanes _lanes = new();

    // Ended runs in the order they ended, so pruning looks only at the oldest instead of scanning every run.
    private readonly ConcurrentQueue<AgentRun> _ended = new();
    private readonly Lock _pruning = new();

    public AgentCatalog Agents => agents;

    public int ActiveSessions => _lanes.ActiveSessions;

    /// <summary>Accepts a run (or returns the existing run with the same id) and queues it on its session lane.</summary>
    public (AgentRun Run, bool Created) Start(AgentRunRequest request)
    {
        Prune();
        var agent = agents.Find(request.AgentId) ?? throw new ArgumentException($"unknown agent: {request.AgentId} (see agents.list)");
        var sessionKey = SessionKey.Resolve(request.SessionKey, agent.Id);
        var created = false;
        var run = _runs.GetOrAdd(request.RunId, id =>
        {
            created = true;
            return new AgentRun(id, sessionKey, agent.Id, time.GetUtcNow().ToUnixTimeMilliseconds());
        });
        if (!created)
        {
            return (run, false);
        }

        _ = _lanes.RunAsync(sessionKey, async () =>
        {
            if (run.AbortToken.IsCancellationRequested)
            {
                run.Complete(new AgentRunResult { Status = "aborted", StopReason = "aborted", StartedAtMs = run.AcceptedAtMs, EndedAtMs = time.GetUtcNow().ToUnixTimeMilliseconds() });
                _ended.Enqueue(run);
                return;
            }

            run.Phase = "running";
            run.StartedAtMs = time.GetUtcNow().ToUnixTimeMilliseconds();
            var emitter = new RunEventEmitter(sink, time, run.RunId, sessionKey, agent.Id);
            AgentRunResult result;
            try
            {
                result = await runner.RunAsync(request, agent, sessionKey, emitter, run.AbortToken);
            }
            catch (Exception ex)
            {
                emitter.Lifecycle("error", new System.Text.Json.Nodes.JsonObject { ["error"] = ex.Message });
                emitter.Error(ex.Message, "unknown", null, null);
                result = new AgentRunResult { Status = "error", Error = ex.Message, ErrorKind = "unknown", StartedAtMs = run.StartedAtMs ?? 0, EndedAtMs = time.GetUtcNow().ToUnixTimeMilliseconds() };
            }

            run.Complete(result);
            _ended.Enqueue(run);
        });
        return (run, true);
    }

    public AgentRun? Find(string runId) => _runs.GetValueOrDefault(runId);

    /// <summary>Runs of a session that have not ended (running first, then queued).</summary>
    public IReadOnlyList<AgentRun> ActiveRuns(string sessionKey)
        => [.. _runs.Values.Where(r => r.SessionKey == sessionKey && !r.IsEnded).OrderBy(r => r.Phase == "running" ? 0 : 1).ThenBy(r => r.AcceptedAtMs)];

    /// <summary>Aborts queued runs first, then the active one; returns the aborted run ids.</summary>
    public IReadOnlyList<string> Abort(string sessionKey, string? runId = null)
    {
        var targets = ActiveRuns(sessionKey).Where(r => runId is null || r.RunId == runId).OrderBy(r => r.Phase == "queued" ? 0 : 1).ToList();
        foreach (var r in targets)
        {
            r.Abort();
        }

        return [.. targets.Select(r => r.RunId)];
    }

    private void Prune()
    {
        var cutoff = time.GetUtcNow().ToUnixTimeMilliseconds() - RetainEndedMs;
        if (!_pruning.TryEnter())
        {
            return; // another caller is pruning
        }

        try
        {
            while (_ended.TryPeek(out var oldest) && oldest.Result is { } result && result.EndedAtMs < cutoff && _ended.TryDequeue(out var run))
            {
                if (_runs.TryRemove(new KeyValuePair<string, AgentRun>(run.RunId, run)))
                {
                    run.Dispose();
                }
            }
        }
        finally
        {
            _pruning.Exit();
        }
    }
}
