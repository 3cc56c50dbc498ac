using System.Text.Json.Nodes;

namespace SharpClaw.Agents.Tools.Exec;

/// <summary>One approval record: the request, its deadline and (once resolved) the decision; allow-once is consumable once.</summary>
public sealed class PendingApproval(string id, ExecApprovalRequest request, long createdAtMs, long expiresAtMs)
{
    private readonly TaskCompletionSource<string> _decision = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _consumed;
    private string? _resolved;

    public string Id => id;

    public ExecApprovalRequest Request => request;

    public long CreatedAtMs => createdAtMs;

    public long ExpiresAtMs => expiresAtMs;

    public string? Decision => Volatile.Read(ref _resolved);

    public string? ResolvedBy { get; private set; }

    public Task<string> DecisionTask => _decision.Task;

    internal bool TryResolve(string decision, string resolvedBy)
    {
        if (Interlocked.CompareExchange(ref _resolved, decision, null) is not null)
        {
            return false;
        }

        ResolvedBy = resolvedBy;
        _decision.TrySetResult(decision);
        return true;
    }

    /// <summary>Atomically uses an allow-once decision; false if it was already used or is not allow-once.</summary>
    public bool TryConsume() => Decision is "allow-once" or "allow-always" && Interlocked.Exchange(ref _consumed, 1) == 0;

    /// <summary>The request as shown to operators: the command with invisible characters escaped, never truncated.</summary>
    public JsonObject RequestPayload()
    {
        var escaped = ApprovalText.Escape(request.Command);
        var o = new JsonObject
        {
            ["command"] = escaped,
            ["cwd"] = request.Cwd,
            ["host"] = "gateway",
            ["security"] = request.Security,
            ["ask"] = request.Ask,
            ["agentId"] = request.AgentId,
            ["sessionKey"] = request.SessionKey,
        };
        var warnings = new List<string>();
        if (escaped != request.Command)
        {
            warnings.Add("The command contains invisible or look-alike characters, shown as \\u{…} escapes.");
        }

        if (request.Reason is not null)
        {
            warnings.Add("Approval needed: " + request.Reason);
        }

        if (warnings.Count > 0)
        {
            o["warningText"] = string.Join(" ", warnings);
        }

        if (!request.AllowAlwaysAvailable)
        {
            o["unavailableDecisions"] = new JsonArray("allow-always");
        }

        return o;
    }
}
