namespace SharpClaw.Agents.Tools.Exec;

/// <summary>The end of an approval: its id and the decision (<c>allow-once</c>, <c>allow-always</c>, <c>deny</c>, <c>timeout</c>, <c>no-route</c>).</summary>
public sealed record ExecApprovalOutcome(string Id, string Decision)
{
    public bool Allowed => Decision is "allow-once" or "allow-always";
}
