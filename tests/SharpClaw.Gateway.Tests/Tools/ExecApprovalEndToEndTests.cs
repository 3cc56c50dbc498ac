using System.Text.Json.Nodes;
using SharpClaw.Gateway.Hosting;
using SharpClaw.Gateway.Tests.Infrastructure;

namespace SharpClaw.Gateway.Tests.Tools;

/// <summary>
/// A scripted model edits a file and calls exec over the real WebSocket; the approval request reaches a second
/// (approver) client, which resolves it; the command's output flows back to the model.
/// </summary>
public sealed class ExecApprovalEndToEndTests
{
    private static Task<TestGateway> StartAsync(ScriptedModelInvoker model, TimeProvider? time = null)
        => TestGateway.StartAsync(configure: o => new GatewayHostOptions { Paths = o.Paths, Port = 0, Token = TestGateway.Token, Console = o.Console, Environment = o.Environment, ModelInvoker = model, TimeProvider = time ?? TimeProvider.System });

    private static async Task<WsTestClient> ConnectAsync(TestGateway gw, params string[] scopes)
    {
        var client = await gw.OpenAsync();
        var hello = await client.ConnectAsync(new ConnectOptions { Token = TestGateway.Token, ClientId = "cli", ClientMode = "cli", Scopes = scopes });
        Assert.True(hello.Ok, hello.ToString());
        return client;
    }

    private static ScriptedModelInvoker EditThenExec(string command)
    {
        var model = new ScriptedModelInvoker();
        model.Enqueue(new ScriptedReply([]) { ToolCalls = [("write", new Dictionary<string, object?> { ["path"] = "note.txt", ["content"] = "hello from the agent\n" })] });
        model.Enqueue(new ScriptedReply([]) { ToolCalls = [("exec", new Dictionary<string, object?> { ["command"] = command })] });
        model.Enqueue(new ScriptedReply(["done"]));
        return model;
    }

    private static async Task<List<JsonObject>> ToolResultsAsync(WsTestClient client)
    {
        var history = await client.CallAsync("chat.history", new JsonObject { ["sessionKey"] = "main" });
        return [.. history.Payload!["messages"]!.AsArray().OfType<JsonObject>().Where(m => (string?)m["role"] == "toolResult")];
    }

    [Fact]
    public async Task ApprovedCommandRunsAndItsOutputReturnsToTheModel()
    {
        var model = EditThenExec("cat note.txt");
        await using var gw = await StartAsync(model);
        await using var runner = await ConnectAsync(gw, "operator.read", "operator.write");
        await using var approver = await ConnectAsync(gw, "operator.approvals");
        Assert.Contains("exec.approval.requested", approver.Hello!["features"]!["events"]!.AsArray().Select(e => (string?)e));
        Assert.Contains("exec.approval.resolve", approver.Hello!["features"]!["methods"]!.AsArray().Select(e => (string?)e));

        var wait = runner.CallAsync("agent.wait", new JsonObject { ["message"] = "write a note and show it", ["idempotencyKey"] = "e2e-1", ["timeoutMs"] = 60000 });
        var requested = await approver.EventAsync("exec.approval.requested", TimeSpan.FromSeconds(30));
        var id = (string)requested.Payload!["id"]!;
        Assert.Equal("cat note.txt", (string)requested.Payload!["request"]!["command"]!);
        Assert.Contains("not on the exec allowlist", (string)requested.Payload!["request"]!["warningText"]!, StringComparison.Ordinal);

        var listed = await approver.CallAsync("exec.approval.list");
        Assert.Contains(listed.Payload!["approvals"]!.AsArray(), a => (string?)a!["id"] == id);
        var resolve = await approver.CallAsync("exec.approval.resolve", new JsonObject { ["id"] = id, ["decision"] = "allow-once" });
        Assert.True(resolve.Ok, resolve.ToString());
        var resolved = await approver.EventAsync("exec.approval.resolved");
        Assert.Equal("allow-once", (string)resolved.Payload!["decision"]!);

        var result = await wait;
        Assert.Equal("done", (string)result.Payload!["reply"]!);
        var tools = await ToolResultsAsync(runner);
        Assert.Equal(2, tools.Count);
        var exec = JsonNode.Parse((string)tools[1]["content"]![0]!["text"]!)!;
        Assert.Equal("hello from the agent\n", (string)exec["stdout"]!);
        Assert.Equal(0, (int)exec["exit_code"]!);
        Assert.Contains(model.Calls.Last(), m => m.Role == Microsoft.Extensions.AI.ChatRole.Tool && m.Text.Contains("hello from the agent", StringComparison.Ordinal) || m.Contents.OfType<Microsoft.Extensions.AI.FunctionResultContent>().Any(r => r.Result?.ToString()?.Contains("hello from the agent", StringComparison.Ordinal) == true));

        // One-time approvals cannot be replayed or re-decided.
        var replay = await approver.CallAsync("exec.approval.resolve", new JsonObject { ["id"] = id, ["decision"] = "allow-always" });
        Assert.False(replay.Ok);
        Assert.Contains("already resolved", replay.Error!["message"]!.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task DeniedCommandDoesNotRun()
    {
        var model = EditThenExec("touch ran.txt");
        await using var gw = await StartAsync(model);
        await using var runner = await ConnectAsync(gw, "operator.read", "operator.write");
        await using var approver = await ConnectAsync(gw, "operator.approvals");
        var wait = runner.CallAsync("agent.wait", new JsonObject { ["message"] = "go", ["idempotencyKey"] = "e2e-2", ["timeoutMs"] = 60000 });
        var requested = await approver.EventAsync("exec.approval.requested", TimeSpan.FromSeconds(30));
        var resolve = await approver.CallAsync("exec.approval.resolve", new JsonObject { ["id"] = (string)requested.Payload!["id"]!, ["decision"] = "deny" });
        Assert.True(resolve.Ok, resolve.ToString());
        await wait;
        var tools = await ToolResultsAsync(runner);
        Assert.True((bool)tools[1]["isError"]!);
        Assert.Contains("operator denied", (string)tools[1]["content"]![0]!["text"]!, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(gw.StateDir, "workspace", "ran.txt")));
        Assert.True(File.Exists(Path.Combine(gw.StateDir, "workspace", "note.txt")));
    }

    [Fact]
    public async Task UnansweredApprovalTimesOutAndNothingRuns()
    {
        var time = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(DateTimeOffset.UtcNow);
        var model = EditThenExec("touch ran.txt");
        await using var gw = await StartAsync(model, time);
        await using var runner = await ConnectAsync(gw, "operator.read", "operator.write");
        await using var approver = await ConnectAsync(gw, "operator.approvals");
        var wait = runner.CallAsync("agent.wait", new JsonObject { ["message"] = "go", ["idempotencyKey"] = "e2e-timeout", ["timeoutMs"] = 7_200_000 });
        var requested = await approver.EventAsync("exec.approval.requested", TimeSpan.FromSeconds(30));
        Assert.Equal(30 * 60_000, (long)requested.Payload!["expiresAtMs"]! - (long)requested.Payload!["createdAtMs"]!);
        time.Advance(TimeSpan.FromMinutes(31));
        var resolved = await approver.EventAsync("exec.approval.resolved", TimeSpan.FromSeconds(30));
        Assert.Equal("deny", (string)resolved.Payload!["decision"]!);
        Assert.Equal("timeout", (string)resolved.Payload!["resolvedBy"]!);
        await wait;
        var tools = await ToolResultsAsync(runner);
        Assert.Contains("approval timed out", (string)tools[1]["content"]![0]!["text"]!, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(gw.StateDir, "workspace", "ran.txt")));
        var late = await approver.CallAsync("exec.approval.resolve", new JsonObject { ["id"] = (string)requested.Payload!["id"]!, ["decision"] = "allow-once" });
        Assert.False(late.Ok);
    }

    [Fact]
    public async Task AllowAlwaysPersistsTheExecutableInTheExecApprovalsStore()
    {
        var model = EditThenExec("cat note.txt");
        model.Enqueue(new ScriptedReply([]) { ToolCalls = [("exec", new Dictionary<string, object?> { ["command"] = "cat note.txt" })] });
        model.Enqueue(new ScriptedReply(["again"]));
        await using var gw = await StartAsync(model);
        await using var runner = await ConnectAsync(gw, "operator.read", "operator.write");
        await using var approver = await ConnectAsync(gw, "operator.approvals");
        var wait = runner.CallAsync("agent.wait", new JsonObject { ["message"] = "go", ["idempotencyKey"] = "e2e-3", ["timeoutMs"] = 60000 });
        var requested = await approver.EventAsync("exec.approval.requested", TimeSpan.FromSeconds(30));
        Assert.True((await approver.CallAsync("exec.approval.resolve", new JsonObject { ["id"] = (string)requested.Payload!["id"]!, ["decision"] = "allow-always" })).Ok);
        await wait;
        var store = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(gw.StateDir, "exec-approvals.json"), TestContext.Current.CancellationToken))!;
        var entry = store["agents"]!["main"]!["allowlist"]!.AsArray().Single()!;
        Assert.EndsWith("/cat", (string)entry["pattern"]!, StringComparison.Ordinal);
        Assert.Equal("allow-always", (string)entry["source"]!);

        // The second run of the same executable needs no approval.
        var second = await runner.CallAsync("agent.wait", new JsonObject { ["message"] = "again", ["idempotencyKey"] = "e2e-4", ["timeoutMs"] = 60000 });
        Assert.Equal("again", (string)second.Payload!["reply"]!);
        Assert.DoesNotContain(approver.Events, e => e.Event == "exec.approval.requested");
    }

    [Fact]
    public async Task WithoutAnyApproverTheCommandIsDeniedImmediately()
    {
        var model = EditThenExec("touch ran.txt");
        await using var gw = await StartAsync(model);
        await using var runner = await ConnectAsync(gw, "operator.read", "operator.write");
        var wait = await runner.CallAsync("agent.wait", new JsonObject { ["message"] = "go", ["idempotencyKey"] = "e2e-5", ["timeoutMs"] = 60000 });
        Assert.Equal("done", (string)wait.Payload!["reply"]!);
        var tools = await ToolResultsAsync(runner);
        Assert.Contains("no operator client with operator.approvals", (string)tools[1]["content"]![0]!["text"]!, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(gw.StateDir, "workspace", "ran.txt")));
    }

    [Fact]
    public async Task ResolveRefusesUnknownIdsAndBadDecisions()
    {
        await using var gw = await StartAsync(new ScriptedModelInvoker());
        await using var approver = await ConnectAsync(gw, "operator.approvals");
        var unknown = await approver.CallAsync("exec.approval.resolve", new JsonObject { ["id"] = "nope", ["decision"] = "deny" });
        Assert.Equal("APPROVAL_NOT_FOUND", (string)unknown.Error!["code"]!);
        var bad = await approver.CallAsync("exec.approval.resolve", new JsonObject { ["id"] = "nope", ["decision"] = "yes" });
        Assert.False(bad.Ok);
        await using var reader = await ConnectAsync(gw, "operator.read");
        var forbidden = await reader.CallAsync("exec.approval.list");
        Assert.False(forbidden.Ok);
    }

    [Fact]
    public async Task ExternalRequestIsAcceptedThenDecidedAndCanBeAwaitedOrFetched()
    {
        await using var gw = await StartAsync(new ScriptedModelInvoker());
        await using var requester = await ConnectAsync(gw, "operator.approvals");
        await using var approver = await ConnectAsync(gw, "operator.approvals");
        await using var waiter = await ConnectAsync(gw, "operator.approvals");
        var request = new JsonObject { ["id"] = "ext-1", ["command"] = "ls\u200B -la", ["cwd"] = "/tmp", ["host"] = "gateway", ["agentId"] = "main", ["timeoutMs"] = 600000, ["twoPhase"] = true };
        Interop.ProtocolSchema.AssertMatches("ExecApprovalRequestParams", request);
        await requester.SendJsonAsync(new JsonObject { ["type"] = "req", ["id"] = "r1", ["method"] = "exec.approval.request", ["params"] = request });
        var accepted = await requester.ResponseAsync("r1");
        Assert.Equal("accepted", (string)accepted.Payload!["status"]!);
        var requested = await approver.EventAsync("exec.approval.requested");
        Assert.Equal(@"ls\u{200B} -la", (string)requested.Payload!["request"]!["command"]!);
        Assert.Contains("invisible", (string)requested.Payload!["request"]!["warningText"]!, StringComparison.Ordinal);
        var duplicate = await approver.CallAsync("exec.approval.request", new JsonObject { ["id"] = "ext-1", ["command"] = "id" });
        Assert.Contains("already pending", duplicate.ErrorMessage, StringComparison.Ordinal);

        await waiter.SendJsonAsync(new JsonObject { ["type"] = "req", ["id"] = "w1", ["method"] = "exec.approval.waitDecision", ["params"] = new JsonObject { ["id"] = "ext-1" } });
        var resolve = new JsonObject { ["id"] = "ext-1", ["decision"] = "allow-once" };
        Interop.ProtocolSchema.AssertMatches("ExecApprovalResolveParams", resolve);
        Assert.True((await approver.CallAsync("exec.approval.resolve", resolve)).Ok);
        var final = await requester.ResponseAsync("r1");
        Assert.Equal("allow-once", (string)final.Payload!["decision"]!);
        var waited = await waiter.ResponseAsync("w1");
        Assert.Equal("allow-once", (string)waited.Payload!["decision"]!);
        var got = await approver.CallAsync("exec.approval.get", new JsonObject { ["id"] = "ext-1" });
        Assert.Equal("allow-once", (string)got.Payload!["decision"]!);
        Assert.DoesNotContain((await approver.CallAsync("exec.approval.list")).Payload!["approvals"]!.AsArray(), a => (string?)a!["id"] == "ext-1");
    }
}
