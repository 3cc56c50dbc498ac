using System.Text.Json.Nodes;
using SharpClaw.Agents.Tools.Policy;

namespace SharpClaw.Agents.Tests.Tools;

public sealed class ToolPolicyPipelineTests
{
    private static ToolPolicyDecision Decide(string? configJson, Func<ToolPolicyRequest, ToolPolicyRequest>? adjust = null)
    {
        var request = new ToolPolicyRequest { Config = configJson is null ? null : (JsonObject)JsonNode.Parse(configJson)! };
        return ToolPolicyPipeline.Evaluate(adjust is null ? request : adjust(request));
    }

    [Fact]
    public void NoConfigAllowsEveryCatalogTool()
    {
        var d = Decide(null);
        Assert.Equal(ToolCatalog.Entries.Count, d.Allowed.Count);
        Assert.Empty(d.Denied);
    }

    [Theory]
    [InlineData("minimal", "session_status", "exec")]
    [InlineData("coding", "exec", "message")]
    [InlineData("coding", "apply_patch", "gateway")]
    [InlineData("messaging", "message", "exec")]
    [InlineData("messaging", "sessions_send", "read")]
    public void ProfilesSelectTheirTools(string profile, string allowed, string denied)
    {
        var d = Decide("{\"tools\":{\"profile\":\"" + profile + "\"}}");
        Assert.True(d.IsAllowed(allowed));
        Assert.False(d.IsAllowed(denied));
        Assert.Contains($"tools.profile ({profile})", d.ReasonFor(denied), StringComparison.Ordinal);
    }

    [Fact]
    public void MinimalProfileIsOnlySessionStatus()
        => Assert.Equal(["session_status"], Decide("""{"tools":{"profile":"minimal"}}""").Allowed);

    [Fact]
    public void DenyWinsOverAllowAndGroupsExpand()
    {
        var d = Decide("""{"tools":{"allow":["group:fs","exec"],"deny":["group:runtime"]}}""");
        Assert.True(d.IsAllowed("read"));
        Assert.True(d.IsAllowed("apply_patch"));
        Assert.False(d.IsAllowed("exec"));
        Assert.Contains("deny", d.ReasonFor("exec"), StringComparison.Ordinal);
        Assert.False(d.IsAllowed("message"));
    }

    [Fact]
    public void AlsoAllowAddsToTheProfile()
    {
        var d = Decide("""{"tools":{"profile":"messaging","alsoAllow":["read"]}}""");
        Assert.True(d.IsAllowed("read"));
        Assert.True(d.IsAllowed("message"));
        Assert.False(d.IsAllowed("write"));
    }

    [Fact]
    public void ExecSectionImplicitlyAddsExecAndProcess()
    {
        var d = Decide("""{"tools":{"profile":"messaging","exec":{"security":"allowlist"}}}""");
        Assert.True(d.IsAllowed("exec"));
        Assert.True(d.IsAllowed("process"));
    }

    [Fact]
    public void AllowingWriteAllowsApplyPatchButDenyingWriteDoesNot()
    {
        Assert.True(Decide("""{"tools":{"allow":["write"]}}""").IsAllowed("apply_patch"));
        var d = Decide("""{"tools":{"deny":["write"]}}""");
        Assert.False(d.IsAllowed("write"));
        Assert.True(d.IsAllowed("apply_patch"));
    }

    [Fact]
    public void AliasesAndWildcards()
    {
        var d = Decide("""{"tools":{"deny":["BASH","sessions_*"]}}""");
        Assert.False(d.IsAllowed("exec"));
        Assert.False(d.IsAllowed("sessions_spawn"));
        Assert.True(d.IsAllowed("session_status"));
    }

    [Fact]
    public void PerAgentOverridesApplyOnlyToThatAgent()
    {
        const string config = """{"agents":{"entries":{"ops":{"tools":{"profile":"minimal"}},"dev":{"tools":{"deny":["exec"]}}}}}""";
        Assert.Equal(["session_status"], Decide(config, r => r with { AgentId = "ops" }).Allowed);
        Assert.False(Decide(config, r => r with { AgentId = "dev" }).IsAllowed("exec"));
        Assert.True(Decide(config, r => r with { AgentId = "main" }).IsAllowed("exec"));
    }

    [Fact]
    public void LegacyAgentListIsRead()
        => Assert.False(Decide("""{"agents":{"list":[{"id":"x","tools":{"deny":["read"]}}]}}""", r => r with { AgentId = "x" }).IsAllowed("read"));

    [Fact]
    public void ProviderOverridesMatchProviderModelThenProvider()
    {
        const string config = """{"tools":{"byProvider":{"openai/gpt-5":{"deny":["exec"]},"anthropic":{"profile":"minimal"}}}}""";
        Assert.False(Decide(config, r => r with { Provider = "openai", Model = "gpt-5" }).IsAllowed("exec"));
        Assert.True(Decide(config, r => r with { Provider = "openai", Model = "gpt-4o" }).IsAllowed("exec"));
        Assert.Equal(["session_status"], Decide(config, r => r with { Provider = "Anthropic", Model = "claude" }).Allowed);
    }

    [Fact]
    public void ChannelGroupPolicyWithWildcardDefault()
    {
        const string config = """{"channels":{"telegram":{"groups":{"*":{"tools":{"deny":["exec"]}},"-100":{"tools":{"allow":["message"]}}}}}}""";
        Assert.False(Decide(config, r => r with { Channel = "telegram", GroupId = "-5" }).IsAllowed("exec"));
        var special = Decide(config, r => r with { Channel = "telegram", GroupId = "-100" });
        Assert.Equal(["message"], special.Allowed);
        Assert.True(Decide(config, r => r with { Channel = "webchat" }).IsAllowed("exec"));
    }

    [Fact]
    public void NonOwnersLoseOwnerOnlyTools()
    {
        var d = Decide(null, r => r with { SenderIsOwner = false });
        Assert.False(d.IsAllowed("gateway"));
        Assert.False(d.IsAllowed("cron"));
        Assert.Contains("owner", d.ReasonFor("gateway"), StringComparison.Ordinal);
        Assert.True(d.IsAllowed("read"));
    }

    [Fact]
    public void SubagentsAreRestrictedAndLeavesCannotSpawn()
    {
        var d = Decide(null, r => r with { SessionKey = "agent:main:subagent:abc" });
        Assert.False(d.IsAllowed("gateway"));
        Assert.False(d.IsAllowed("sessions_send"));
        Assert.False(d.IsAllowed("sessions_spawn"));
        Assert.True(d.IsAllowed("exec"));
        var deeper = Decide("""{"agents":{"defaults":{"subagents":{"maxSpawnDepth":2}}}}""", r => r with { SessionKey = "agent:main:subagent:abc" });
        Assert.True(deeper.IsAllowed("sessions_spawn"));
    }

    [Fact]
    public void HttpInvokeDeniesHighRiskToolsUnlessGatewayAllows()
    {
        var d = Decide(null, r => r with { HttpInvoke = true });
        foreach (var t in new[] { "exec", "apply_patch", "sessions_spawn", "sessions_send", "gateway", "cron", "read", "write", "process" })
        {
            Assert.False(d.IsAllowed(t), t);
        }

        Assert.True(d.IsAllowed("sessions_list"));
        var opened = Decide("""{"gateway":{"tools":{"allow":["sessions_send"],"deny":["sessions_list"]}}}""", r => r with { HttpInvoke = true });
        Assert.True(opened.IsAllowed("sessions_send"));
        Assert.False(opened.IsAllowed("sessions_list"));
        Assert.False(Decide("""{"gateway":{"tools":{"allow":["exec"]}}}""", r => r with { HttpInvoke = true }).IsAllowed("exec"));
    }

    [Fact]
    public void UnknownCandidatesAreJudgedByTheSameRules()
    {
        var d = ToolPolicyPipeline.Evaluate(new ToolPolicyRequest { Config = (JsonObject)JsonNode.Parse("""{"tools":{"profile":"coding"}}""")! }, ["my_plugin_tool", "read"]);
        Assert.Equal(["read"], d.Allowed);
        Assert.NotNull(d.ReasonFor("my_plugin_tool"));
    }

    [Fact]
    public void CheckGivesOneToolsReason()
    {
        Assert.Null(ToolPolicyPipeline.Check(new ToolPolicyRequest(), "sessions_list"));
        Assert.Contains("HTTP", ToolPolicyPipeline.Check(new ToolPolicyRequest { HttpInvoke = true }, "exec"), StringComparison.Ordinal);
        Assert.Contains("gateway.tools", ToolPolicyPipeline.Check(new ToolPolicyRequest { HttpInvoke = true }, "sessions_spawn"), StringComparison.Ordinal);
    }
}
