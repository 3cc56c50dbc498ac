using System.Diagnostics;

namespace SharpClaw.Agents.Tools.Exec;

/// <summary>
/// A background process owned by one session, with its combined output log (tail kept), the position the last
/// <c>poll</c> read up to, and (when started with <c>stdin: true</c>) a writable standard input.
/// </summary>
public sealed class BackgroundProcess(string sessionKey, string command, Process process, long startedAtMs, bool stdinOpen) : IDisposable
{
    public const int MaxLogChars = 200_000;

    public string SessionKey => sessionKey;

    public string Command => command;

    public Process Process => process;

    public int Pid { get; } = process.Id;

    public long StartedAtMs => startedAtMs;

    public CappedOutput Log { get; } = new(MaxLogChars);

    public int? ExitCode { get; set; }

    /// <summary>Stream position (see <see cref="CappedOutput.Total"/>) the last poll returned output up to.</summary>
    public long PollPosition { get; set; }

    /// <summary>True until stdin is closed (never opened, <c>eof</c> written, or a write failed).</summary>
    public bool StdinOpen { get; set; } = stdinOpen;

    /// <summary>Bytes written to stdin so far (limited by <see cref="BackgroundProcesses.MaxStdinBytes"/>).</summary>
    public long StdinBytes { get; set; }

    /// <summary>Serialises writes so two calls never interleave their data.</summary>
    public SemaphoreSlim StdinLock { get; } = new(1, 1);

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

    public void Dispose()
    {
        StdinLock.Dispose();
        process.Dispose();
    }
}
