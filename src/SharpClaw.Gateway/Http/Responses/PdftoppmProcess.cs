using System.Diagnostics;
using System.Text;
using SharpClaw.Agents.Tools.Exec;

namespace SharpClaw.Gateway.Http.Responses;

/// <summary>
/// One <c>pdftoppm</c> run: the PDF written to a 0600 file in a private (0700) temp directory that is deleted afterwards,
/// an argv without a shell, an empty environment but for <c>PATH</c>/<c>HOME</c>, stdin closed, PNG pages read from stdout
/// up to a byte cap, and a timeout (or the caller's cancellation) that kills the process tree.
/// Throws <see cref="InvalidDataException"/> when the render fails, times out or writes too much.
/// </summary>
internal static class PdftoppmProcess
{
    private const int MaxStderrBytes = 2048;

    public static async Task<byte[]> RunAsync(string binary, byte[] pdf, int pages, int scaleTo, long maxOutputBytes, TimeSpan timeout, TimeProvider time, CancellationToken ct)
    {
        var dir = Directory.CreateTempSubdirectory("sharpclaw-pdf-");
        try
        {
            var input = Path.Combine(dir.FullName, "input.pdf");
            await WritePrivateAsync(input, pdf, ct);
            var psi = new ProcessStartInfo(binary)
            {
                RedirectStandardInput = true,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
                WorkingDirectory = dir.FullName,
            };
            foreach (var arg in (string[])["-png", "-cropbox", "-f", "1", "-l", pages.ToString(System.Globalization.CultureInfo.InvariantCulture), "-scale-to", scaleTo.ToString(System.Globalization.CultureInfo.InvariantCulture), input])
            {
                psi.ArgumentList.Add(arg);
            }

            psi.Environment.Clear();
            psi.Environment["PATH"] = "/usr/local/bin:/usr/bin:/bin";
            psi.Environment["HOME"] = dir.FullName;
            return await RunAsync(psi, maxOutputBytes, timeout, time, ct);
        }
        finally
        {
            try
            {
                dir.Delete(recursive: true);
            }
            catch (IOException)
            {
                // Best effort: the directory is private to this process and named as ours.
            }
        }
    }

    private static async Task WritePrivateAsync(string path, byte[] bytes, CancellationToken ct)
    {
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        await using var file = new FileStream(path, options);
        await file.WriteAsync(bytes, ct);
    }

    private static async Task<byte[]> RunAsync(ProcessStartInfo psi, long maxOutputBytes, TimeSpan timeout, TimeProvider time, CancellationToken ct)
    {
        using var timeoutCts = new CancellationTokenSource(timeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(ct, timeoutCts.Token);
        using var process = new Process { StartInfo = psi };
        try
        {
            process.Start();
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            throw new InvalidDataException($"{psi.FileName} could not be started: {ex.Message}", ex);
        }

        process.StandardInput.Close();
        var stdout = ReadAsync(process.StandardOutput.BaseStream, maxOutputBytes, failOverCap: true, linked.Token);
        var stderr = ReadAsync(process.StandardError.BaseStream, MaxStderrBytes, failOverCap: false, linked.Token);
        var finished = false;
        try
        {
            var output = await stdout;
            await process.WaitForExitAsync(linked.Token);
            var errors = Encoding.UTF8.GetString(await stderr).Trim();
            finished = true;
            return process.ExitCode == 0 ? output : throw new InvalidDataException($"{psi.FileName} exited with {process.ExitCode}: {errors}");
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            throw new InvalidDataException($"{psi.FileName} did not finish within {timeout.TotalSeconds:0} s");
        }
        finally
        {
            if (!finished)
            {
                await linked.CancelAsync();
                ProcessRunner.Kill(process);
                await Task.WhenAll(stdout, stderr).ContinueWith(static _ => { }, TaskScheduler.Default);
            }
        }
    }

    /// <summary>Reads a stream to its end; past <paramref name="cap"/> bytes either fails or keeps draining without storing.</summary>
    private static async Task<byte[]> ReadAsync(Stream stream, long cap, bool failOverCap, CancellationToken ct)
    {
        using var kept = new MemoryStream();
        var buffer = new byte[81920];
        int read;
        while ((read = await stream.ReadAsync(buffer, ct)) > 0)
        {
            var room = (int)Math.Min(read, cap - kept.Length);
            if (room < read && failOverCap)
            {
                throw new InvalidDataException($"renderer output exceeds {cap} bytes");
            }

            kept.Write(buffer, 0, room);
        }

        return kept.ToArray();
    }
}
