namespace SharpClaw.Agents.Tools.Exec;

/// <summary>Asks operators to approve a command and waits for the decision (the gateway broadcasts and collects it).</summary>
public interface IExecApprovalBroker
{
    /// <summary>
    /// Registers the request, notifies approvers and waits. Returns <c>allow-once</c>, <c>allow-always</c>, <c>deny</c>,
    /// <c>timeout</c> or <c>no-route</c> (nobody can approve). An allow-once is consumed by this call: it cannot be reused.
    /// </summary>
    Task<ExecApprovalOutcome> RequestAsync(ExecApprovalRequest request, CancellationToken cancellationToken);
}
