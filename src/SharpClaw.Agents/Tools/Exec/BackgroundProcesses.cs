using System.Collections.Concurrent;

namespace SharpClaw.Agents.Tools.Exec;

/// <summary>
/// Background processes by owning session: at most 8 running per session, logs capped, finished entries kept
/// (up to 20 per session) for their log. A session's processes are killed when it ends; all are killed on dispose
/// (gateway stop). Stdin stays open only when asked for at start (<see cref="BackgroundProcessIo"/> writes to it).
/// </summary>
public sealed class BackgroundProcesses(TimeProvider time) : IDisposable
{
    public const int MaxRunningPerSession = 8;

    /// <summary>Total bytes one process may be sent on stdin over its life.</summary>
    public const long MaxStdinBytes = 4 * 1024 * 1024;
    private const int MaxKeptPerSession = 20;
    private readonly ConcurrentDictionary<int, BackgroundProcess> _byPid = new();

    public IReadOnlyList<BackgroundProcess> Of(string sessionKey) => [.. _byPid.Values.Where(p => p.SessionKey == sessionKey).OrderBy(p => p.StartedAtMs)];

    public TimeProvider Time => time;

    public BackgroundProcess? Find(string sessionKey, int pid) => _byPid.TryGetValue(pid, out var p) && p.SessionKey == sessionKey ? p : null;

    public BackgroundProcess Start(string sessionKey, string command, ExecPlan plan, bool keepStdin = false)
    {
        if (Of(sessionKey).Count(p => p.Running) >= MaxRunningPerSession)
        {
            throw new ToolRefusedException($"process start refused: {MaxRunningPerSession} background processes are already running in this session; stop one first");
        }

        var process = new System.Diagnostics.Process { StartInfo = plan.StartInfo() };
        process.Start();
        if (!keepStdin)
        {
            process.StandardInput.Close();
        }

        var entry = new BackgroundProcess(sessionKey, command, process, time.GetUtcNow().ToUnixTimeMilliseconds(), keepStdin);
        _byPid[entry.Pid] = entry;
        _ = PumpAsync(process.StandardOutput, entry);
        _ = PumpAsync(process.StandardError, entry);
        _ = process.WaitForExitAsync().ContinueWith(_ => entry.ExitCode = SafeExitCode(process), TaskScheduler.Default);
        Trim(sessionKey);
        return entry;
    }

    public static void Stop(BackgroundProcess p) => ProcessRunner.Kill(p.Process);

    /// <summary>Kills and forgets every process of a session (session reset/delete).</summary>
    public void EndSession(string sessionKey)
    {
        foreach (var p in Of(sessionKey))
        {
            Stop(p);
            if (_byPid.TryRemove(p.Pid, out _))
            {
                p.Dispose();
            }
        }
    }

    public void Dispose()
    {
        foreach (var p in _byPid.Values)
        {
            Stop(p);
            p.Dispose();
        }

        _byPid.Clear();
    }

    private void Trim(string sessionKey)
    {
        foreach (var old in Of(sessionKey).Where(p => !p.Running).SkipLast(MaxKeptPerSession))
        {
            if (_byPid.TryRemove(old.Pid, out _))
            {
                old.Dispose();
            }
        }
    }

    private static int SafeExitCode(System.Diagnostics.Process process)
    {
        try
        {
            return process.ExitCode;
        }
        catch (InvalidOperationException)
        {
            return -1;
        }
    }

    private static async Task PumpAsync(StreamReader reader, BackgroundProcess entry)
    {
        var buffer = new char[8192];
        try
        {
            int n;
            while ((n = await reader.ReadAsync(buffer)) > 0)
            {
                entry.Log.Append(buffer.AsSpan(0, n));
            }
        }
        catch (ObjectDisposedException)
        {
            // The entry was removed while the process was still writing.
        }
    }
}
