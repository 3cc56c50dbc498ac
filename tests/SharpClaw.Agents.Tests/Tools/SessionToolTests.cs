using System.Text.Json.Nodes;
using SharpClaw.Agents.Sessions;
using SharpClaw.Agents.Tools;
using SharpClaw.Agents.Tools.Messaging;
using SharpClaw.Agents.Tools.Sessions;
using SharpClaw.Core.State;

namespace SharpClaw.Agents.Tests.Tools;

public sealed class SessionToolTests : ToolTestBase
{
    private async Task<SessionToolHost> HostAsync(string? configJson = null)
    {
        var db = new StateDatabase(Path.Combine(Root, "s.db"));
        await db.InitializeAsync(GatewayMigrations.All, TimeProvider.System, TestContext.Current.CancellationToken);
        var sessions = new SessionStore(db, TimeProvider.System);
        var session = await sessions.GetOrCreateAsync("agent:main:main", "main", Workspace, TestContext.Current.CancellationToken);
        await sessions.AppendAsync(session.SessionId, TranscriptEvents.Message(new JsonObject { ["role"] = "user", ["content"] = "hello there" }, DateTimeOffset.UnixEpoch), TestContext.Current.CancellationToken);
        var config = configJson is null ? null : (JsonObject)JsonNode.Parse(configJson)!;
        return new SessionToolHost(sessions, () => config, TimeProvider.System);
    }

    [Fact]
    public async Task ListAndHistoryReadTheStore()
    {
        var host = await HostAsync();
        var list = await CallAsync(new SessionsListTool(host), "{}");
        Assert.Contains("agent:main:main", list.Text, StringComparison.Ordinal);
        var history = await CallAsync(new SessionsHistoryTool(host), """{"session_key":"agent:main:main"}""");
        Assert.Contains("hello there", history.Text, StringComparison.Ordinal);
        var unknown = await CallAsync(new SessionsHistoryTool(host), """{"session_key":"agent:main:nope"}""");
        Assert.True(unknown.IsError);
        Assert.Contains("unknown session key", unknown.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SendRefusesOwnSessionAndOtherAgentsWithoutAgentToAgent()
    {
        var host = await HostAsync();
        var own = await CallAsync(new SessionsSendTool(host), """{"session_key":"main","message":"hi"}""");
        Assert.Contains("cannot target the current session", own.Text, StringComparison.Ordinal);
        var other = await CallAsync(new SessionsSendTool(host), """{"session_key":"agent:ops:main","message":"hi"}""");
        Assert.Contains("tools.agentToAgent.enabled", other.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SpawnEnforcesDepthChildrenAndAllowedAgents()
    {
        var host = await HostAsync();
        var spawn = new SessionsSpawnTool(host);
        var nested = await spawn.InvokeAsync(new ToolInvocation("c", "sessions_spawn", new JsonObject { ["task"] = "x" }, Context with { SessionKey = "agent:main:subagent:abc" }), TestContext.Current.CancellationToken);
        Assert.Contains("maximum spawn depth 1", nested.Text, StringComparison.Ordinal);
        var otherAgent = await CallAsync(spawn, """{"task":"x","agentId":"ops"}""");
        Assert.Contains("allowAgents", otherAgent.Text, StringComparison.Ordinal);
        for (var i = 0; i < 5; i++)
        {
            host.Subagents[$"r{i}"] = new SubagentRecord($"r{i}", "agent:main:main", $"agent:main:subagent:{i}", "main", "t", 0);
        }

        var tooMany = await CallAsync(spawn, """{"task":"x"}""");
        Assert.Contains("already running", tooMany.Text, StringComparison.Ordinal);
        var list = await CallAsync(new SubagentsTool(host), """{"action":"list"}""");
        Assert.Equal(5, JsonNode.Parse(list.Text)!["subagents"]!.AsArray().Count);
        var kill = await CallAsync(new SubagentsTool(host), """{"action":"kill","runId":"someone-elses"}""");
        Assert.Contains("no sub-agent", kill.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MessageRefusesUnknownChannelsAndOutsideMedia()
    {
        var channels = new MessageChannels();
        var tool = new MessageTool(channels);
        Assert.Contains("unknown channel", (await CallAsync(tool, """{"channel":"telegram","to":"x","text":"hi"}""")).Text, StringComparison.Ordinal);
        channels.Register(new RecordingChannel());
        Assert.Contains("escapes workspace root", (await CallAsync(tool, """{"channel":"test","to":"x","text":"hi","media":"/etc/passwd"}""")).Text, StringComparison.Ordinal);
        var ok = await CallAsync(tool, """{"channel":"test","to":"x","text":"hi","media":"https://example.invalid/a.png"}""");
        Assert.Contains("\"delivered\":true", ok.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GatewayToolReadsButNeverWritesConfig()
    {
        var tool = new GatewayTool(() => new JsonObject { ["version"] = "x" }, () => (JsonObject)JsonNode.Parse("""{"tools":{"exec":{"security":"allowlist"}}}""")!);
        Assert.Contains("allowlist", (await CallAsync(tool, """{"action":"config.get","params":{"path":"tools.exec"}}""")).Text, StringComparison.Ordinal);
        var write = await CallAsync(tool, """{"action":"config.patch","params":{"raw":"{\"tools\":{\"exec\":{\"security\":\"full\"}}}"}}""");
        Assert.True(write.IsError);
        Assert.Contains("operator.admin", write.Text, StringComparison.Ordinal);
    }

    private sealed class RecordingChannel : IMessageChannel
    {
        public string Id => "test";

        public Task<JsonObject> DeliverAsync(string to, string text, string? media, ToolContext from, CancellationToken cancellationToken)
            => Task.FromResult(new JsonObject { ["delivered"] = true });
    }
}
