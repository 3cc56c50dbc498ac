using System.Text.Json.Nodes;
using SharpClaw.Agents.Tools;
using SharpClaw.Agents.Tools.Exec;

namespace SharpClaw.Agents.Tests.Tools;

/// <summary>The <c>process</c> tool: start/list/log/signal/stop, session isolation, cleanup, and write (stdin) / poll with their limits.</summary>
public sealed class ProcessToolTests : ToolTestBase
{
    private static JsonObject Full() => (JsonObject)JsonNode.Parse("""{"tools":{"exec":{"mode":"full"}}}""")!;

    private static async Task<bool> EventuallyAsync(Func<bool> condition)
    {
        for (var i = 0; i < 200 && !condition(); i++)
        {
            await Task.Delay(50, TestContext.Current.CancellationToken);
        }

        return condition();
    }

    private Task<ToolResult> CallAsAsync(ProcessTool tool, string sessionKey, string args)
        => tool.InvokeAsync(new ToolInvocation("c", "process", (JsonObject)JsonNode.Parse(args)!, Context with { SessionKey = sessionKey }), TestContext.Current.CancellationToken);

    [Fact]
    public async Task StartLogSignalStopAndSessionIsolation()
    {
        using var approvals = new ExecApprovalsFile(Root, TimeProvider.System);
        using var processes = new BackgroundProcesses(TimeProvider.System);
        var tool = new ProcessTool(new ExecAuthorizer(Full, approvals, new FakeBroker("deny")), processes);
        var started = await CallAsync(tool, """{"action":"start","command":"echo ready; sleep 30"}""");
        Assert.False(started.IsError, started.Text);
        var pid = (int)JsonNode.Parse(started.Text)!["pid"]!;
        Assert.True(await EventuallyAsync(() => processes.Find(Context.SessionKey, pid)!.Log.ToString().Contains("ready", StringComparison.Ordinal)));
        var log = await CallAsync(tool, $$"""{"action":"log","pid":{{pid}}}""");
        Assert.Contains("ready", log.Text, StringComparison.Ordinal);
        Assert.Contains("still running", log.Text, StringComparison.Ordinal);
        Assert.Contains($"\"pid\":{pid}", (await CallAsync(tool, """{"action":"list"}""")).Text, StringComparison.Ordinal);

        var stranger = await CallAsAsync(tool, "agent:main:other", $$"""{"action":"stop","pid":{{pid}}}""");
        Assert.True(stranger.IsError);
        Assert.Contains("No process", stranger.Text, StringComparison.Ordinal);
        Assert.Contains("No running or recent processes", (await CallAsAsync(tool, "agent:main:other", """{"action":"list"}""")).Text, StringComparison.Ordinal);

        var signal = await CallAsync(tool, $$"""{"action":"signal","pid":{{pid}},"signal":"SIGTERM"}""");
        Assert.False(signal.IsError, signal.Text);
        Assert.True(await EventuallyAsync(() => !processes.Find(Context.SessionKey, pid)!.Running));
        Assert.Contains("unknown signal", (await CallAsync(tool, $$"""{"action":"signal","pid":{{pid}},"signal":"SIGFOO"}""")).Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StartFollowsTheExecPolicy()
    {
        using var approvals = new ExecApprovalsFile(Root, TimeProvider.System);
        using var processes = new BackgroundProcesses(TimeProvider.System);
        var broker = new FakeBroker("deny");
        var tool = new ProcessTool(new ExecAuthorizer(() => null, approvals, broker), processes);
        var denied = await CallAsync(tool, """{"action":"start","command":"sleep 30"}""");
        Assert.True(denied.IsError);
        Assert.Contains("operator denied", denied.Text, StringComparison.Ordinal);
        Assert.Single(broker.Requests);
        Assert.Empty(processes.Of(Context.SessionKey));
    }

    [Fact]
    public async Task SessionEndAndDisposeKillProcesses()
    {
        using var approvals = new ExecApprovalsFile(Root, TimeProvider.System);
        var processes = new BackgroundProcesses(TimeProvider.System);
        var tool = new ProcessTool(new ExecAuthorizer(Full, approvals, new FakeBroker("deny")), processes);
        var a = (int)JsonNode.Parse((await CallAsync(tool, """{"action":"start","command":"sleep 30"}""")).Text)!["pid"]!;
        var b = (int)JsonNode.Parse((await CallAsAsync(tool, "agent:main:other", """{"action":"start","command":"sleep 30"}""")).Text)!["pid"]!;
        var procA = System.Diagnostics.Process.GetProcessById(a);
        var procB = System.Diagnostics.Process.GetProcessById(b);
        processes.EndSession(Context.SessionKey);
        Assert.True(await EventuallyAsync(() => procA.HasExited));
        Assert.False(procB.HasExited);
        processes.Dispose();
        Assert.True(await EventuallyAsync(() => procB.HasExited));
    }

    private static async Task<int> StartAsync(ProcessTool tool, Func<string, Task<ToolResult>> call, string command, bool stdin)
    {
        var started = await call($$"""{"action":"start","command":{{JsonValue.Create(command).ToJsonString()}},"stdin":{{(stdin ? "true" : "false")}}}""");
        Assert.False(started.IsError, started.Text);
        return (int)JsonNode.Parse(started.Text)!["pid"]!;
    }

    [Fact]
    public async Task WriteFeedsStdinAndPollReturnsOnlyNewOutput()
    {
        using var approvals = new ExecApprovalsFile(Root, TimeProvider.System);
        using var processes = new BackgroundProcesses(TimeProvider.System);
        var tool = new ProcessTool(new ExecAuthorizer(Full, approvals, new FakeBroker("deny")), processes);
        var pid = await StartAsync(tool, a => CallAsync(tool, a), "cat", stdin: true);

        var wrote = await CallAsync(tool, $$"""{"action":"write","pid":{{pid}},"data":"hello\n"}""");
        Assert.False(wrote.IsError, wrote.Text);
        Assert.Equal($"Wrote 6 bytes to process {pid}.", wrote.Text);
        var first = await CallAsync(tool, $$"""{"action":"poll","pid":{{pid}},"timeout":10000}""");
        Assert.StartsWith("hello", first.Text, StringComparison.Ordinal);
        Assert.EndsWith("Process still running.", first.Text, StringComparison.Ordinal);
        Assert.StartsWith("(no new output)", (await CallAsync(tool, $$"""{"action":"poll","pid":{{pid}}}""")).Text, StringComparison.Ordinal);

        var closed = await CallAsync(tool, $$"""{"action":"write","pid":{{pid}},"data":"bye\n","eof":true}""");
        Assert.Contains("(stdin closed)", closed.Text, StringComparison.Ordinal);
        Assert.True(await EventuallyAsync(() => !processes.Find(Context.SessionKey, pid)!.Running));
        var last = await CallAsync(tool, $$"""{"action":"poll","pid":{{pid}},"timeout":2000}""");
        Assert.StartsWith("bye", last.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("hello", last.Text, StringComparison.Ordinal);
        Assert.Contains("Process exited", last.Text, StringComparison.Ordinal);

        var afterEof = await CallAsync(tool, $$"""{"action":"write","pid":{{pid}},"data":"more"}""");
        Assert.True(afterEof.IsError);
        Assert.Contains("not writable", afterEof.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WriteRefusalsAndLimits()
    {
        using var approvals = new ExecApprovalsFile(Root, TimeProvider.System);
        using var processes = new BackgroundProcesses(TimeProvider.System);
        var tool = new ProcessTool(new ExecAuthorizer(Full, approvals, new FakeBroker("deny")), processes);
        var closedStdin = await StartAsync(tool, a => CallAsync(tool, a), "sleep 30", stdin: false);
        var noStdin = await CallAsync(tool, $$"""{"action":"write","pid":{{closedStdin}},"data":"x"}""");
        Assert.True(noStdin.IsError);
        Assert.Contains("started without stdin: true", noStdin.Text, StringComparison.Ordinal);

        var open = await StartAsync(tool, a => CallAsync(tool, a), "cat", stdin: true);
        var huge = await CallAsync(tool, $$"""{"action":"write","pid":{{open}},"data":"{{new string('x', BackgroundProcessIo.MaxWriteChars + 1)}}"}""");
        Assert.True(huge.IsError);
        Assert.Contains($"at most {BackgroundProcessIo.MaxWriteChars}", huge.Text, StringComparison.Ordinal);
        var missing = await CallAsync(tool, $$"""{"action":"write","pid":{{open}}}""");
        Assert.Contains("data is required", missing.Text, StringComparison.Ordinal);
        var badTimeout = await CallAsync(tool, $$"""{"action":"poll","pid":{{open}},"timeout":999999}""");
        Assert.True(badTimeout.IsError);
        var stranger = await tool.InvokeAsync(new ToolInvocation("c", "process", (JsonObject)JsonNode.Parse($$"""{"action":"write","pid":{{open}},"data":"x"}""")!, Context with { SessionKey = "agent:main:other" }), TestContext.Current.CancellationToken);
        Assert.Contains("No process", stranger.Text, StringComparison.Ordinal);
        Assert.Equal(0, processes.Find(Context.SessionKey, open)!.StdinBytes);
    }

    [Fact]
    public async Task PollPagesLargeOutputAndReportsWhatTheLogDropped()
    {
        using var approvals = new ExecApprovalsFile(Root, TimeProvider.System);
        using var processes = new BackgroundProcesses(TimeProvider.System);
        var tool = new ProcessTool(new ExecAuthorizer(Full, approvals, new FakeBroker("deny")), processes);
        var pid = await StartAsync(tool, a => CallAsync(tool, a), "head -c 300000 /dev/zero | tr '\\0' x", stdin: false);
        var proc = processes.Find(Context.SessionKey, pid)!;
        Assert.True(await EventuallyAsync(() => !proc.Running && proc.Log.Total == 300_000));

        var first = await CallAsync(tool, $$"""{"action":"poll","pid":{{pid}}}""");
        Assert.StartsWith("[100000 characters were dropped", first.Text, StringComparison.Ordinal);
        Assert.Contains("more output is waiting", first.Text, StringComparison.Ordinal);
        Assert.Equal(BackgroundProcessIo.MaxPollChars, (int)first.Details!["newChars"]!);
        var total = BackgroundProcessIo.MaxPollChars;
        for (var i = 0; i < 3; i++)
        {
            var next = await CallAsync(tool, $$"""{"action":"poll","pid":{{pid}}}""");
            total += (int)next.Details!["newChars"]!;
            Assert.Equal(0L, (long)next.Details!["skippedChars"]!);
            Assert.Equal(i < 2, (bool)next.Details!["more"]!);
        }

        Assert.Equal(BackgroundProcess.MaxLogChars, total);
        Assert.StartsWith("(no new output)", (await CallAsync(tool, $$"""{"action":"poll","pid":{{pid}}}""")).Text, StringComparison.Ordinal);
    }
}
