using System.Diagnostics;

namespace SharpClaw.Agents.Tools.Exec;

/// <summary>
/// Runs a command (an argv directly, or a command line through <c>/bin/sh -c</c>) with a sanitised environment,
/// stdin closed, each output stream capped (the tail is kept), and a timeout that kills the whole process tree.
/// </summary>
public static class ProcessRunner
{
    /// <summary>Per stream; both together stay under the 64,000-char tool result cap so the JSON result stays whole.</summary>
    public const int MaxStreamChars = 30_000;

    public static ProcessStartInfo StartInfo(IReadOnlyList<string>? argv, string? shellCommand, string cwd, IReadOnlyDictionary<string, string> env)
    {
        var psi = new ProcessStartInfo
        {
            WorkingDirectory = cwd,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (argv is not null)
        {
            psi.FileName = argv[0];
            foreach (var a in argv.Skip(1))
            {
                psi.ArgumentList.Add(a);
            }
        }
        else
        {
            psi.FileName = "/bin/sh";
            psi.ArgumentList.Add("-c");
            psi.ArgumentList.Add(shellCommand!);
        }

        psi.Environment.Clear();
        foreach (var (k, v) in env)
        {
            psi.Environment[k] = v;
        }

        return psi;
    }

    public static async Task<ExecOutcome> RunAsync(ProcessStartInfo psi, TimeSpan timeout, TimeProvider time, CancellationToken ct, int maxStreamChars = MaxStreamChars)
    {
        var started = time.GetTimestamp();
        using var process = new Process { StartInfo = psi };
        process.Start();
        process.StandardInput.Close();
        var stdout = new CappedOutput(maxStreamChars);
        var stderr = new CappedOutput(maxStreamChars);
        var readOut = PumpAsync(process.StandardOutput, stdout);
        var readErr = PumpAsync(process.StandardError, stderr);
        using var timeoutCts = new CancellationTokenSource(timeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(ct, timeoutCts.Token);
        var timedOut = false;
        try
        {
            await process.WaitForExitAsync(linked.Token);
        }
        catch (OperationCanceledException)
        {
            timedOut = timeoutCts.IsCancellationRequested;
            Kill(process);
            if (!timedOut)
            {
                throw;
            }
        }

        using var drain = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        try
        {
            await Task.WhenAll(readOut, readErr).WaitAsync(drain.Token);
        }
        catch (OperationCanceledException)
        {
            // A grandchild kept the pipes open after the kill; return what we have.
        }

        return new ExecOutcome(stdout.ToString(), stderr.ToString(), timedOut ? null : process.ExitCode, timedOut, (long)time.GetElapsedTime(started).TotalMilliseconds);
    }

    public static void Kill(Process process)
    {
        try
        {
            process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // Already exited.
        }
    }

    private static async Task PumpAsync(StreamReader reader, CappedOutput sink)
    {
        var buffer = new char[8192];
        int n;
        while ((n = await reader.ReadAsync(buffer)) > 0)
        {
            sink.Append(buffer.AsSpan(0, n));
        }
    }
}
