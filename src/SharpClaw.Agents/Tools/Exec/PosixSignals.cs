using System.Runtime.InteropServices;

namespace SharpClaw.Agents.Tools.Exec;

/// <summary>Sends a named POSIX signal to a process (Linux numbering) via <c>kill(2)</c>.</summary>
internal static partial class PosixSignals
{
    public static readonly IReadOnlyDictionary<string, int> Numbers = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase)
    {
        ["SIGHUP"] = 1, ["SIGINT"] = 2, ["SIGQUIT"] = 3, ["SIGKILL"] = 9, ["SIGUSR1"] = 10, ["SIGUSR2"] = 12, ["SIGTERM"] = 15, ["SIGCONT"] = 18, ["SIGSTOP"] = 19,
    };

    public static bool Send(int pid, int signal) => pid > 0 && OperatingSystem.IsLinux() && NativeKill(pid, signal) == 0;

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static partial int NativeKill(int pid, int signal);
}
