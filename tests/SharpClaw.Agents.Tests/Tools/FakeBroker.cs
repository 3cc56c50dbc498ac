using SharpClaw.Agents.Tools.Exec;

namespace SharpClaw.Agents.Tests.Tools;

/// <summary>An approval broker that answers every request with a fixed decision and records what it was asked.</summary>
internal sealed class FakeBroker(string decision) : IExecApprovalBroker
{
    public List<ExecApprovalRequest> Requests { get; } = [];

    public Task<ExecApprovalOutcome> RequestAsync(ExecApprovalRequest request, CancellationToken cancellationToken)
    {
        Requests.Add(request);
        return Task.FromResult(new ExecApprovalOutcome("fake-1", decision));
    }
}
