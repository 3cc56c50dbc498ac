namespace SharpClaw.Protocol.Auth;

/// <summary>The operator scope names and their implication rules (ws-protocol §6.2–6.3).</summary>
public static class OperatorScopes
{
    public const string Admin = "operator.admin";
    public const string Read = "operator.read";
    public const string Write = "operator.write";
    public const string SessionsRead = "operator.sessions.read";
    public const string SessionsWrite = "operator.sessions.write";
    public const string Approvals = "operator.approvals";
    public const string Questions = "operator.questions";
    public const string Pairing = "operator.pairing";
    public const string Talk = "operator.talk";
    public const string TalkSecrets = "operator.talk.secrets";

    public static readonly IReadOnlyList<string> All = [Admin, Read, Write, SessionsRead, SessionsWrite, Approvals, Questions, Pairing, Talk, TalkSecrets];

    /// <summary>What the CLI asks for by default.</summary>
    public static readonly IReadOnlyList<string> CliDefault = [Admin, Read, Write, Approvals, Questions, Pairing, TalkSecrets];

    /// <summary>True when <paramref name="granted"/> satisfies <paramref name="required"/>.</summary>
    public static bool Satisfies(IReadOnlyCollection<string> granted, string required)
    {
        if (granted.Contains(required) || granted.Contains(Admin))
        {
            return true;
        }

        if (!required.StartsWith("operator.", StringComparison.Ordinal))
        {
            return false;
        }

        if (required is Read or Talk or SessionsRead or SessionsWrite && granted.Contains(Write))
        {
            return true;
        }

        return required == SessionsRead && (granted.Contains(Read) || granted.Contains(SessionsWrite));
    }

    /// <summary>True when every scope of <paramref name="requested"/> is satisfied by <paramref name="baseline"/>.</summary>
    public static bool AllSatisfied(IReadOnlyCollection<string> baseline, IEnumerable<string> requested)
        => requested.All(r => Satisfies(baseline, r));
}
