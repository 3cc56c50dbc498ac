using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace SharpClaw.Bench;

/// <summary>A gateway started as a separate process (JIT build or the Native-AOT binary) on a fresh state dir.</summary>
internal sealed class GatewayProcess : IAsyncDisposable
{
    public const string Token = "bench-token-0123456789abcdef0123456789abcdef";

    private GatewayProcess(Process process, int port, string dir, Stopwatch started)
    {
        Process = process;
        Port = port;
        StateDir = dir;
        Started = started;
    }

    public Process Process { get; }

    public int Port { get; }

    public string StateDir { get; }

    public Stopwatch Started { get; }

    public Uri Url => new($"ws://127.0.0.1:{Port}/");

    public static GatewayProcess Start(string exe, string? configJson = null)
    {
        var dir = Directory.CreateTempSubdirectory("sharpclaw-bench-").FullName;
        var port = FreePort();
        if (configJson is not null)
        {
            File.WriteAllText(Path.Combine(dir, "sharpclaw.json"), configJson.Replace("$PORT", port.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal));
        }

        var psi = exe.EndsWith(".dll", StringComparison.Ordinal) ? new ProcessStartInfo("dotnet") : new ProcessStartInfo(exe);
        if (exe.EndsWith(".dll", StringComparison.Ordinal))
        {
            psi.ArgumentList.Add(exe);
        }

        psi.ArgumentList.Add("gateway");
        psi.ArgumentList.Add("--port");
        psi.ArgumentList.Add(port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        if (configJson is null)
        {
            psi.ArgumentList.Add("--token");
            psi.ArgumentList.Add(Token);
        }

        psi.Environment["OPENCLAW_STATE_DIR"] = dir;
        psi.RedirectStandardError = true;
        psi.RedirectStandardOutput = true;
        var sw = Stopwatch.StartNew();
        var p = Process.Start(psi)!;
        p.BeginErrorReadLine();
        p.BeginOutputReadLine();
        return new GatewayProcess(p, port, dir, sw);
    }

    public long RssBytes()
    {
        foreach (var line in File.ReadLines($"/proc/{Process.Id}/status"))
        {
            if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
            {
                return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], System.Globalization.CultureInfo.InvariantCulture) * 1024;
            }
        }

        return 0;
    }

    /// <summary>CPU time (user + system) the gateway process has used so far, from /proc/&lt;pid&gt;/stat.</summary>
    /// <remarks>Robust to a loaded machine, unlike wall time: divide a difference by the turns made between the reads.</remarks>
    public double CpuMilliseconds()
    {
        var stat = File.ReadAllText($"/proc/{Process.Id}/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        var ticks = long.Parse(fields[11], System.Globalization.CultureInfo.InvariantCulture) + long.Parse(fields[12], System.Globalization.CultureInfo.InvariantCulture);
        return ticks * 1000.0 / ClockTicksPerSecond;
    }

    public async ValueTask DisposeAsync()
    {
        if (!Process.HasExited)
        {
            Process.Kill(entireProcessTree: true);
            await Process.WaitForExitAsync();
        }

        Process.Dispose();
        try
        {
            Directory.Delete(StateDir, true);
        }
        catch (IOException)
        {
        }
    }

    // USER_HZ: 100 on every Linux ABI .NET runs on.
    private const double ClockTicksPerSecond = 100;

    private static int FreePort()
    {
        using var l = new TcpListener(IPAddress.Loopback, 0);
        l.Start();
        return ((IPEndPoint)l.LocalEndpoint).Port;
    }
}
