using System.Collections.Concurrent;
using System.Text.Json.Nodes;

namespace SharpClaw.Agents.Tools.Exec;

/// <summary>
/// Pending exec approvals: registers requests, broadcasts <c>exec.approval.requested</c>, resolves them once
/// (double resolve refused), expires them after the timeout (default 30 min) as <c>timeout</c>, and broadcasts
/// <c>exec.approval.resolved</c>. Decisions bind to the stored request only — a resolve carries just id + decision.
/// </summary>
public sealed class ExecApprovalManager(TimeProvider time, Action<string, JsonObject> publish, Func<bool> hasApprovers) : IExecApprovalBroker
{
    public const long DefaultTimeoutMs = 1_800_000;
    public static readonly IReadOnlyList<string> Decisions = ["allow-once", "allow-always", "deny"];
    private readonly ConcurrentDictionary<string, PendingApproval> _records = new(StringComparer.Ordinal);

    public PendingApproval? Get(string id) => _records.GetValueOrDefault(id);

    public IReadOnlyList<PendingApproval> Pending => [.. _records.Values.Where(r => r.Decision is null).OrderBy(r => r.CreatedAtMs)];

    public bool HasApprovers => hasApprovers();

    /// <summary>Registers a request (id given or generated) and notifies approvers; throws when the id is taken.</summary>
    public PendingApproval Register(ExecApprovalRequest request, string? id = null)
    {
        Prune();
        var now = time.GetUtcNow().ToUnixTimeMilliseconds();
        var timeout = Math.Clamp(request.TimeoutMs ?? DefaultTimeoutMs, 1, DefaultTimeoutMs * 4);
        var record = new PendingApproval(id ?? Guid.NewGuid().ToString(), request, now, now + timeout);
        if (!_records.TryAdd(record.Id, record))
        {
            throw new InvalidOperationException("approval id already pending");
        }

        var timer = time.CreateTimer(_ => Resolve(record.Id, "timeout", "timeout"), null, TimeSpan.FromMilliseconds(timeout), Timeout.InfiniteTimeSpan);
        _ = record.DecisionTask.ContinueWith(_ => timer.Dispose(), TaskScheduler.Default);
        publish("exec.approval.requested", new JsonObject
        {
            ["id"] = record.Id,
            ["request"] = record.RequestPayload(),
            ["createdAtMs"] = record.CreatedAtMs,
            ["expiresAtMs"] = record.ExpiresAtMs,
        });
        return record;
    }

    /// <summary>Resolves a pending approval; null on success, else the refusal message.</summary>
    public string? Resolve(string id, string decision, string resolvedBy)
    {
        if (!_records.TryGetValue(id, out var record))
        {
            return $"unknown or expired approval id: {id}";
        }

        if (decision is not ("allow-once" or "allow-always" or "deny" or "timeout"))
        {
            return $"invalid decision \"{decision}\" (use allow-once, allow-always or deny)";
        }

        if (decision == "allow-always" && !record.Request.AllowAlwaysAvailable)
        {
            return "allow-always is not available for this request (use allow-once or deny)";
        }

        if (!record.TryResolve(decision, resolvedBy))
        {
            return $"approval {id} was already resolved ({record.Decision})";
        }

        publish("exec.approval.resolved", new JsonObject
        {
            ["id"] = id,
            ["decision"] = decision == "timeout" ? "deny" : decision,
            ["resolvedBy"] = resolvedBy,
            ["ts"] = time.GetUtcNow().ToUnixTimeMilliseconds(),
            ["request"] = record.RequestPayload(),
        });
        return null;
    }

    public async Task<ExecApprovalOutcome> RequestAsync(ExecApprovalRequest request, CancellationToken cancellationToken)
    {
        if (!hasApprovers())
        {
            return new ExecApprovalOutcome(string.Empty, "no-route");
        }

        var record = Register(request);
        string decision;
        try
        {
            decision = await record.DecisionTask.WaitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            Resolve(record.Id, "deny", "cancelled");
            throw;
        }

        if (decision is "allow-once" or "allow-always" && !record.TryConsume())
        {
            decision = "deny";
        }

        return new ExecApprovalOutcome(record.Id, decision);
    }

    private void Prune()
    {
        var cutoff = time.GetUtcNow().ToUnixTimeMilliseconds() - 600_000;
        foreach (var (id, r) in _records)
        {
            if (r.Decision is not null && r.ExpiresAtMs < cutoff)
            {
                _records.TryRemove(id, out _);
            }
        }
    }
}
