using SharpClaw.Agents.Sessions;

namespace SharpClaw.Agents.Tests.Sessions;

public sealed class SessionKeyTests
{
    [Theory]
    [InlineData(null, "main", "agent:main:main")]
    [InlineData("", "ops", "agent:ops:main")]
    [InlineData("main", "ops", "agent:ops:main")]
    [InlineData("MAIN", "main", "agent:main:main")]
    [InlineData("Telegram:Direct:123", "main", "agent:main:telegram:direct:123")]
    [InlineData("agent:Work:Dashboard:X", "main", "agent:work:dashboard:x")]
    [InlineData("global", "main", "global")]
    [InlineData("openai:127.0.0.1:main:bob", "main", "openai:127.0.0.1:main:bob")]
    public void Resolve_ScopesKeysToAgents(string? key, string agent, string expected)
        => Assert.Equal(expected, SessionKey.Resolve(key, agent));

    [Theory]
    [InlineData("agent:")]
    [InlineData("agent:main:")]
    [InlineData("agent::x")]
    [InlineData("agent:main::x")]
    public void Resolve_RejectsMalformedAgentKeys(string key) => Assert.Throws<ArgumentException>(() => SessionKey.Resolve(key, "main"));

    [Fact]
    public void Resolve_RejectsOverlongKeys() => Assert.Throws<ArgumentException>(() => SessionKey.Resolve(new string('a', 513), "main"));

    [Theory]
    [InlineData("Main", "main")]
    [InlineData("My Agent!", "my-agent")]
    [InlineData("--", "main")]
    [InlineData(null, "main")]
    [InlineData("ops_1", "ops_1")]
    public void NormalizeAgentId(string? raw, string expected) => Assert.Equal(expected, SessionKey.NormalizeAgentId(raw));

    [Fact]
    public void OpenAiKey_FollowsTheSeedFormat()
    {
        Assert.Equal("openai:10.0.0.5:main:alice", SessionKey.OpenAi("10.0.0.5", "Main", "Alice"));
        Assert.Equal("main", SessionKey.AgentOf("openai:10.0.0.5:main:alice"));
        Assert.Equal("ops", SessionKey.AgentOf("agent:ops:main"));
    }
}
