namespace SharpClaw.Agents.Tools.Exec;

/// <summary>An authorised command: a literal argv (allowlisted) or a shell command line (approved/full), where and with what env.</summary>
public sealed record ExecPlan(IReadOnlyList<string>? Argv, string? ShellCommand, string Cwd, string DisplayCwd, IReadOnlyDictionary<string, string> Env, ExecPolicy Policy)
{
    public System.Diagnostics.ProcessStartInfo StartInfo() => ProcessRunner.StartInfo(Argv, ShellCommand, Cwd, Env);
}
