using System.Text;

namespace SharpClaw.Agents.Tools.Exec;

/// <summary>
/// The <c>process</c> tool's <c>write</c> (to stdin) and <c>poll</c> (output since the previous poll) actions, with
/// their limits: at most <see cref="MaxWriteChars"/> per write and <see cref="BackgroundProcesses.MaxStdinBytes"/>
/// per process, a write that the process does not drain within <see cref="WriteTimeout"/> is reported (and later
/// writes refused until it completes); a poll returns at most <see cref="MaxPollChars"/> and waits at most
/// <see cref="MaxPollWaitMs"/> for something new.
/// </summary>
internal static class BackgroundProcessIo
{
    public const int MaxWriteChars = 65_536;
    public const int MaxPollChars = 50_000;
    public const int MaxPollWaitMs = 30_000;
    public static readonly TimeSpan WriteTimeout = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan PollStep = TimeSpan.FromMilliseconds(250);

    public readonly record struct PollResult(string Text, long Skipped, bool More);

    /// <summary>Writes <paramref name="data"/> to stdin, then closes it when <paramref name="eof"/>; returns bytes written.</summary>
    public static async Task<int> WriteAsync(BackgroundProcess p, string data, bool eof, TimeProvider time, CancellationToken ct)
    {
        if (data.Length > MaxWriteChars)
        {
            throw new ToolArgumentException($"data is {data.Length} characters; write accepts at most {MaxWriteChars} per call");
        }

        var bytes = Encoding.UTF8.GetBytes(data);
        if (!await p.StdinLock.WaitAsync(0, ct))
        {
            throw new ToolRefusedException($"a previous write to process {p.Pid} is still waiting for the process to read its input; poll its output or stop it");
        }

        var release = true;
        try
        {
            if (!p.StdinOpen || !p.Running)
            {
                throw new ToolRefusedException($"stdin of process {p.Pid} is not writable ({(p.Running ? "it was closed or the process was started without stdin: true" : "the process has exited")})");
            }

            if (p.StdinBytes + bytes.Length > BackgroundProcesses.MaxStdinBytes)
            {
                throw new ToolRefusedException($"write refused: process {p.Pid} has been sent {p.StdinBytes} bytes and the limit is {BackgroundProcesses.MaxStdinBytes}");
            }

            var stream = p.Process.StandardInput.BaseStream;
            var write = WriteAndFlushAsync(stream, bytes);
            try
            {
                await write.WaitAsync(WriteTimeout, time, ct);
            }
            catch (TimeoutException)
            {
                release = false;
                _ = write.ContinueWith(_ => p.StdinLock.Release(), TaskScheduler.Default);
                throw new ToolRefusedException($"process {p.Pid} did not read its input within {WriteTimeout.TotalSeconds:0} s; the write is still pending (its pipe is full)");
            }

            p.StdinBytes += bytes.Length;
            if (eof)
            {
                p.StdinOpen = false;
                p.Process.StandardInput.Close();
            }

            return bytes.Length;
        }
        catch (IOException ex)
        {
            p.StdinOpen = false;
            throw new ToolRefusedException($"stdin of process {p.Pid} is not writable ({ex.Message})");
        }
        finally
        {
            if (release)
            {
                p.StdinLock.Release();
            }
        }
    }

    /// <summary>Output appended since the previous poll, waiting up to <paramref name="waitMs"/> for some to arrive.</summary>
    public static async Task<PollResult> PollAsync(BackgroundProcess p, int waitMs, TimeProvider time, CancellationToken ct)
    {
        var deadline = time.GetUtcNow().AddMilliseconds(waitMs);
        while (p.Log.Total == p.PollPosition && p.Running && time.GetUtcNow() < deadline)
        {
            await Task.Delay(PollStep, time, ct);
        }

        var (text, next, skipped) = p.Log.ReadFrom(p.PollPosition, MaxPollChars);
        p.PollPosition = next;
        return new PollResult(text, skipped, next < p.Log.Total);
    }

    private static async Task WriteAndFlushAsync(Stream stream, byte[] bytes)
    {
        await stream.WriteAsync(bytes);
        await stream.FlushAsync();
    }
}
