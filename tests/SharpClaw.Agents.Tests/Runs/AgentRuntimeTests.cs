using System.Text.Json.Nodes;
using SharpClaw.Agents.Runs;
using SharpClaw.Agents.Sessions;
using SharpClaw.Agents.Tools;
using SharpClaw.Agents.Workspace;
using SharpClaw.Core.State;
using SharpClaw.Providers.Abstractions;

namespace SharpClaw.Agents.Tests.Runs;

public sealed class AgentRuntimeTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("sharpclaw-runtime-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private sealed class Sink : IAgentEventSink
    {
        public List<(string Name, JsonObject Payload)> Events { get; } = [];

        public void Publish(string eventName, JsonObject payload, bool dropIfSlow)
        {
            lock (Events)
            {
                Events.Add((eventName, payload));
            }
        }
    }

    private async Task<(AgentRuntime Runtime, SessionStore Sessions, Sink Sink)> BuildAsync(FakeModel model, TimeProvider? time = null, JsonObject? sessionConfig = null)
    {
        time ??= TimeProvider.System;
        var db = new StateDatabase(Path.Combine(_dir, "a.db"));
        await db.InitializeAsync(GatewayMigrations.All, time, TestContext.Current.CancellationToken);
        var sessions = new SessionStore(db, time);
        var tools = new ToolRegistry();
        tools.Register(new SessionStatusTool(sessions));
        var sink = new Sink();
        var runner = new AgentTurnRunner(sessions, tools, model, new Compactor(sessions, model, time), time) { SessionConfig = () => sessionConfig };
        return (new AgentRuntime(new AgentCatalog(() => null, _dir), runner, sink, time), sessions, sink);
    }

    [Fact]
    public async Task Run_RecordsUsageAndCost_AndEmitsLifecycle()
    {
        var model = new FakeModel();
        var (runtime, sessions, sink) = await BuildAsync(model);
        var (run, created) = runtime.Start(new AgentRunRequest { RunId = "r1", Message = "hi" });
        Assert.True(created);
        var result = await run.Completion.WaitAsync(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken);
        Assert.Equal("ok", result.Status);
        Assert.Equal(3m, result.CostUsd); // 1M input × $1 + 1M output × $2
        var row = await sessions.GetAsync("agent:main:main", TestContext.Current.CancellationToken);
        Assert.Equal(1_000_000, row!.InputTokens);
        Assert.Equal(3.0, (double)row.Entry["estimatedCostUsd"]!);
        var phases = sink.Events.Where(e => e.Name == "agent" && (string?)e.Payload["stream"] == "lifecycle").Select(e => (string)e.Payload["data"]!["phase"]!).ToList();
        Assert.Equal(["start", "model", "end"], phases);
        Assert.False(runtime.Start(new AgentRunRequest { RunId = "r1", Message = "hi" }).Created);
    }

    [Fact]
    public async Task ContextOverflow_CompactsOnceAndRetries()
    {
        var model = new FakeModel();
        var (runtime, sessions, _) = await BuildAsync(model);
        for (var i = 0; i < 3; i++)
        {
            var (r, _) = runtime.Start(new AgentRunRequest { RunId = "warm" + i, Message = "message " + i });
            await r.Completion;
        }

        model.Behaviours.Enqueue((_, _) => FakeModel.Throw(new ProviderException("fake", "m1", FailoverReason.ContextOverflow, "prompt is too long")));
        model.Behaviours.Enqueue((_, ct) => FakeModel.Text("SUMMARY OF EARLIER TALK", ct));
        model.Behaviours.Enqueue((_, ct) => FakeModel.Text("fresh answer", ct));
        var (run, _) = runtime.Start(new AgentRunRequest { RunId = "big", Message = "one more" });
        var result = await run.Completion.WaitAsync(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken);
        Assert.Equal("ok", result.Status);
        Assert.Equal("fresh answer", result.Text);
        var row = await sessions.GetAsync("agent:main:main", TestContext.Current.CancellationToken);
        Assert.Equal(1, row!.CompactionCount);
        var last = model.Calls.Last();
        Assert.Contains(last, m => m.Text.Contains("SUMMARY OF EARLIER TALK", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Timeout_EndsTheRunWithTimeoutStatus()
    {
        var model = new FakeModel();
        model.Behaviours.Enqueue((_, ct) => FakeModel.Forever(ct));
        var (runtime, _, sink) = await BuildAsync(model);
        var (run, _) = runtime.Start(new AgentRunRequest { RunId = "slow", Message = "x", TimeoutSeconds = 1 });
        var result = await run.Completion.WaitAsync(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken);
        Assert.Equal("timeout", result.Status);
        Assert.Contains(sink.Events, e => e.Name == "chat" && (string?)e.Payload["state"] == "error" && (string?)e.Payload["errorKind"] == "timeout");
    }

    [Fact]
    public async Task ProviderError_IsReportedWithKind()
    {
        var model = new FakeModel();
        model.Behaviours.Enqueue((_, _) => FakeModel.Throw(new ProviderException("fake", "m1", FailoverReason.RateLimit, "429 too many requests")));
        var (runtime, _, sink) = await BuildAsync(model);
        var (run, _) = runtime.Start(new AgentRunRequest { RunId = "rl", Message = "x" });
        var result = await run.Completion;
        Assert.Equal("error", result.Status);
        Assert.Equal("rate_limit", result.ErrorKind);
        Assert.Contains(sink.Events, e => e.Name == "chat" && (string?)e.Payload["errorKind"] == "rate_limit");
    }

    [Fact]
    public async Task DailyReset_RollsTheSessionOverAtTheBoundary()
    {
        var time = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(DateTimeOffset.Parse("2026-11-24T10:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
        var model = new FakeModel();
        var (runtime, sessions, _) = await BuildAsync(model, time, new JsonObject { ["reset"] = new JsonObject { ["mode"] = "daily", ["atHour"] = 4 } });
        await runtime.Start(new AgentRunRequest { RunId = "d1", Message = "day one" }).Run.Completion;
        time.Advance(TimeSpan.FromHours(2));
        await runtime.Start(new AgentRunRequest { RunId = "d1b", Message = "same day" }).Run.Completion;
        var sameDay = await sessions.GetAsync("agent:main:main", TestContext.Current.CancellationToken);
        Assert.DoesNotContain(await sessions.ReadEventsAsync(sameDay!.SessionId, TestContext.Current.CancellationToken), e => (string?)e["type"] == "reset");
        time.Advance(TimeSpan.FromDays(1));
        await runtime.Start(new AgentRunRequest { RunId = "d2", Message = "next day" }).Run.Completion;
        var row = await sessions.GetAsync("agent:main:main", TestContext.Current.CancellationToken);
        Assert.Equal(sameDay.SessionId, row!.SessionId);
        var events = await sessions.ReadEventsAsync(row.SessionId, TestContext.Current.CancellationToken);
        var reset = Assert.Single(events, e => (string?)e["type"] == "reset");
        Assert.Equal("daily", (string)reset["reason"]!);
        Assert.Equal(2, model.Calls.Last().Count); // system prompt + the new user message only
    }
}
