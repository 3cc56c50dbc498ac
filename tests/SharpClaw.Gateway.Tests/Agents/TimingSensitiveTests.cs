using System.Diagnostics;
using System.Text.Json.Nodes;
using SharpClaw.Gateway.Hosting;
using SharpClaw.Gateway.Tests.Infrastructure;

namespace SharpClaw.Gateway.Tests.Agents;

/// <summary>Latency assertions run alone (not beside the rest of the suite) so CPU contention cannot skew them.</summary>
[CollectionDefinition(nameof(TimingSensitiveTests), DisableParallelization = true)]
public sealed class TimingSensitiveCollection;

[Collection(nameof(TimingSensitiveTests))]
public sealed class TimingSensitiveTests
{
    private static Task<TestGateway> StartAsync(ScriptedModelInvoker model)
        => TestGateway.StartAsync(configure: o => new GatewayHostOptions { Paths = o.Paths, Port = 0, Token = TestGateway.Token, Console = o.Console, Environment = o.Environment, ModelInvoker = model });

    [Fact]
    public async Task Abort_StopsTheStreamWithinOneSecond()
    {
        // The bound is the issue's (1 s from chat.abort to the aborted event). Other test processes share the machine's
        // cores, so a slow attempt is retried on a fresh gateway; an abort that is really slow fails every attempt.
        var attempts = new List<long>();
        for (var i = 0; i < 3; i++)
        {
            attempts.Add(await AbortOnceAsync());
            if (attempts[^1] < 1000)
            {
                return;
            }
        }

        Assert.Fail($"abort took {string.Join(", ", attempts)} ms in {attempts.Count} attempts (bound: 1000 ms)");
    }

    private static async Task<long> AbortOnceAsync()
    {
        var model = new ScriptedModelInvoker();
        model.Enqueue(new ScriptedReply(["working"]) { HangUntilCancelled = true });
        await using var gw = await StartAsync(model);
        await using var client = await gw.ConnectAdminAsync();
        await client.CallAsync("chat.send", new JsonObject { ["sessionKey"] = "main", ["message"] = "long task", ["idempotencyKey"] = "long" });
        var firstDelta = await client.EventAsync("chat");
        Assert.Equal("delta", (string)firstDelta.Payload!["state"]!);
        var sw = Stopwatch.StartNew();
        var abort = await client.CallAsync("chat.abort", new JsonObject { ["sessionKey"] = "main" });
        Assert.True((bool)abort.Payload!["aborted"]!);
        Frame terminal;
        do
        {
            terminal = await client.EventAsync("chat");
        }
        while ((string)terminal.Payload!["state"]! == "delta");

        var elapsed = sw.ElapsedMilliseconds;
        Assert.Equal("aborted", (string)terminal.Payload!["state"]!);
        await client.CallAsync("agent.wait", new JsonObject { ["runId"] = "long", ["timeoutMs"] = 5000 });
        var history = await client.CallAsync("chat.history", new JsonObject { ["sessionKey"] = "main" });
        Assert.Equal("aborted", (string)history.Payload!["messages"]!.AsArray().Last()!["stopReason"]!);
        return elapsed;
    }
}
