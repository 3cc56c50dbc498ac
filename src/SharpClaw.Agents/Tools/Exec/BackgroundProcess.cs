using System.Diagnostics;

namespace SharpClaw.Agents.Tools.Exec;

/// <summary>A background process owned by one session, with its combined output log (tail kept).</summary>
public sealed class BackgroundProcess(string sessionKey, string command, Process process, long startedAtMs) : IDisposable
{
    public const int MaxLogChars = 200_000;

    public string SessionKey => sessionKey;

    public string Command => command;

    public Process Process => process;

    public int Pid { get; } = process.Id;

    public long StartedAtMs => startedAtMs;

    public CappedOutput Log { get; } = new(MaxLogChars);

    public int? ExitCode { get; set; }

    public bool Running => ExitCode is null && !Exited;

    private bool Exited
    {
        get
        {
            try
            {
                return process.HasExited;
            }
            catch (InvalidOperationException)
            {
                return true;
            }
        }
    }

    public void Dispose() => process.Dispose();
}
