using System.Text.Json.Nodes;
using Microsoft.Extensions.Time.Testing;
using SharpClaw.Agents.Tools.Exec;

namespace SharpClaw.Agents.Tests.Tools;

public sealed class ExecToolTests : ToolTestBase
{
    private ExecTool Tool(string configJson, IExecApprovalBroker broker, ExecApprovalsFile approvals)
        => new(new ExecAuthorizer(() => (JsonObject)JsonNode.Parse(configJson)!, approvals, broker), TimeProvider.System);

    private static JsonNode Output(SharpClaw.Agents.Tools.ToolResult r) => JsonNode.Parse(r.Text)!;

    [Fact]
    public async Task FullModeRunsThroughTheShellAndReportsExitCodes()
    {
        using var approvals = new ExecApprovalsFile(Root, TimeProvider.System);
        var r = await CallAsync(Tool("""{"tools":{"exec":{"security":"full","ask":"off"}}}""", new FakeBroker("deny"), approvals), """{"command":"echo out; echo err >&2; exit 3"}""");
        Assert.False(r.IsError, r.Text);
        Assert.Equal("out\n", (string)Output(r)["stdout"]!);
        Assert.Equal("err\n", (string)Output(r)["stderr"]!);
        Assert.Equal(3, (int)Output(r)["exit_code"]!);
    }

    [Fact]
    public async Task SafeBinaryRunsWithoutApprovalAsALiteralArgv()
    {
        var broker = new FakeBroker("deny");
        using var approvals = new ExecApprovalsFile(Root, TimeProvider.System);
        var r = await CallAsync(Tool("{}", broker, approvals), """{"command":"wc -l"}""");
        Assert.False(r.IsError, r.Text);
        Assert.Equal("0", ((string)Output(r)["stdout"]!).Trim());
        Assert.Empty(broker.Requests);
    }

    [Fact]
    public async Task DenyModeRefusesEverything()
    {
        using var approvals = new ExecApprovalsFile(Root, TimeProvider.System);
        var r = await CallAsync(Tool("""{"tools":{"exec":{"mode":"deny"}}}""", new FakeBroker("allow-once"), approvals), """{"command":"wc -l"}""");
        Assert.True(r.IsError);
        Assert.Contains("security=deny", r.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AskAlwaysAsksEvenForSafeBinariesAndOffersNoAllowAlways()
    {
        var broker = new FakeBroker("allow-once");
        using var approvals = new ExecApprovalsFile(Root, TimeProvider.System);
        var r = await CallAsync(Tool("""{"tools":{"exec":{"ask":"always"}}}""", broker, approvals), """{"command":"wc -l"}""");
        Assert.False(r.IsError, r.Text);
        var request = Assert.Single(broker.Requests);
        Assert.Equal("wc -l", request.Command);
        Assert.False(request.AllowAlwaysAvailable);
    }

    [Fact]
    public async Task ApprovedComplexCommandRunsExactlyAsShown()
    {
        var broker = new FakeBroker("allow-once");
        using var approvals = new ExecApprovalsFile(Root, TimeProvider.System);
        var r = await CallAsync(Tool("{}", broker, approvals), """{"command":"echo a && echo b"}""");
        Assert.Equal("a\nb\n", (string)Output(r)["stdout"]!);
        Assert.Contains("&&", broker.Requests.Single().Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TimeoutKillsTheWholeProcessTree()
    {
        using var approvals = new ExecApprovalsFile(Root, TimeProvider.System);
        var marker = Path.Combine(Workspace, "survived");
        var r = await CallAsync(Tool("""{"tools":{"exec":{"mode":"full"}}}""", new FakeBroker("deny"), approvals), $$"""{"command":"(sleep 3; touch {{marker}}) & sleep 30","timeout_ms":500}""");
        Assert.True(r.IsError);
        Assert.True((bool)Output(r)["timed_out"]!);
        Assert.Contains("timed out", (string)Output(r)["error"]!, StringComparison.Ordinal);
        await Task.Delay(4000, TestContext.Current.CancellationToken);
        Assert.False(File.Exists(marker), "a child process outlived the timeout kill");
    }

    [Fact]
    public async Task OversizedOutputKeepsTheTailWithANotice()
    {
        using var approvals = new ExecApprovalsFile(Root, TimeProvider.System);
        var r = await CallAsync(Tool("""{"tools":{"exec":{"mode":"full"}}}""", new FakeBroker("deny"), approvals), """{"command":"head -c 3000000 /dev/zero | tr '\\0' 'x'; echo END"}""");
        var stdout = (string)Output(r)["stdout"]!;
        Assert.True(stdout.Length <= ProcessRunner.MaxStreamChars + 100);
        Assert.Contains("earlier characters truncated", stdout, StringComparison.Ordinal);
        Assert.EndsWith("END\n", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DangerousInheritedVariablesAreStripped()
    {
        var env = ExecEnvironment.Build(null, new System.Collections.Hashtable { ["LD_PRELOAD"] = "x", ["NODE_OPTIONS"] = "y", ["HOME"] = "/h", ["BASH_ENV"] = "z", ["DOTNET_STARTUP_HOOKS"] = "w" });
        Assert.Equal(["HOME", "OPENCLAW_SHELL", "PATH"], env.Keys.Order(StringComparer.Ordinal));
        await Task.CompletedTask;
    }

    [Fact]
    public async Task ApprovalManagerTimesOutReplaysAndDoubleResolves()
    {
        var time = new FakeTimeProvider();
        var events = new List<string>();
        var manager = new ExecApprovalManager(time, (name, _) => events.Add(name), () => true);
        var pending = manager.RequestAsync(new ExecApprovalRequest { Command = "id", TimeoutMs = 1000 }, TestContext.Current.CancellationToken);
        time.Advance(TimeSpan.FromSeconds(2));
        var outcome = await pending;
        Assert.Equal("timeout", outcome.Decision);
        Assert.False(outcome.Allowed);
        Assert.Equal(["exec.approval.requested", "exec.approval.resolved"], events);
        Assert.Contains("already resolved", manager.Resolve(outcome.Id, "allow-once", "late"), StringComparison.Ordinal);

        var record = manager.Register(new ExecApprovalRequest { Command = "id" });
        Assert.Null(manager.Resolve(record.Id, "allow-once", "op"));
        Assert.True(record.TryConsume());
        Assert.False(record.TryConsume());
        Assert.Throws<InvalidOperationException>(() => manager.Register(new ExecApprovalRequest { Command = "other" }, record.Id));
        Assert.Contains("unknown", manager.Resolve("missing", "deny", "op"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ApprovalsFileCanOnlyTighten()
    {
        await File.WriteAllTextAsync(Path.Combine(Root, ExecApprovalsFile.FileName), """{"version":1,"defaults":{"security":"deny"}}""", TestContext.Current.CancellationToken);
        using var approvals = new ExecApprovalsFile(Root, TimeProvider.System);
        var policy = ExecPolicy.Resolve((JsonObject)JsonNode.Parse("""{"tools":{"exec":{"mode":"full"}}}""")!, "main", approvals);
        Assert.Equal("deny", policy.Security);
    }
}
