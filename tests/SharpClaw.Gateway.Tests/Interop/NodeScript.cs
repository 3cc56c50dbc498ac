using System.Diagnostics;
using System.Text;
using System.Text.Json.Nodes;

namespace SharpClaw.Gateway.Tests.Interop;

/// <summary>Runs a script from tests/interop with the node 22 runtime installed from npm; collects JSON lines.</summary>
public sealed class NodeScript : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _stderr = new();
    private readonly System.Threading.Channels.Channel<JsonObject> _lines = System.Threading.Channels.Channel.CreateUnbounded<JsonObject>();

    private NodeScript(Process process)
    {
        _process = process;
    }

    public List<JsonObject> Lines { get; } = [];

    public string Stderr => _stderr.ToString();

    public static NodeScript Start(string script, IDictionary<string, string> env)
    {
        if (!File.Exists(RepoPaths.Node22))
        {
            Assert.Fail($"node 22 runtime missing at {RepoPaths.Node22}; run scripts/install-test-deps.sh (the test command does this)");
        }

        var psi = new ProcessStartInfo(RepoPaths.Node22)
        {
            WorkingDirectory = RepoPaths.InteropDir,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        psi.ArgumentList.Add(Path.Combine(RepoPaths.InteropDir, script));
        foreach (var (k, v) in env)
        {
            psi.Environment[k] = v;
        }

        var process = Process.Start(psi)!;
        var runner = new NodeScript(process);
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is { Length: > 0 } line && line.StartsWith('{') && JsonNode.Parse(line) is JsonObject o)
            {
                runner._lines.Writer.TryWrite(o);
            }
        };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                lock (runner._stderr)
                {
                    runner._stderr.AppendLine(e.Data);
                }
            }
        };
        process.EnableRaisingEvents = true;
        process.Exited += (_, _) => runner._lines.Writer.TryComplete();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return runner;
    }

    /// <summary>Next JSON line (or null when the script ended).</summary>
    public async Task<JsonObject?> NextAsync(TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            var line = await _lines.Reader.ReadAsync(cts.Token);
            Lines.Add(line);
            return line;
        }
        catch (System.Threading.Channels.ChannelClosedException)
        {
            return null;
        }
    }

    public async Task<int> ExitCodeAsync(TimeSpan timeout)
    {
        await _process.WaitForExitAsync(new CancellationTokenSource(timeout).Token);
        return _process.ExitCode;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }
}
