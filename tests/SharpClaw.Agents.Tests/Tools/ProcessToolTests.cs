using System.Text.Json.Nodes;
using SharpClaw.Agents.Tools;
using SharpClaw.Agents.Tools.Exec;

namespace SharpClaw.Agents.Tests.Tools;

public sealed class ProcessToolTests : ToolTestBase
{
    private static JsonObject Full() => (JsonObject)JsonNode.Parse("""{"tools":{"exec":{"mode":"full"}}}""")!;

    private static async Task<bool> EventuallyAsync(Func<bool> condition)
    {
        for (var i = 0; i < 100 && !condition(); i++)
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
}
