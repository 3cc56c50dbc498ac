using System.Text.Json.Nodes;
using SharpClaw.Gateway.Tests.Infrastructure;
using SharpClaw.Gateway.Tests.Interop;

namespace SharpClaw.Gateway.Tests.Tools;

public sealed class ToolsCatalogTests
{
    [Fact]
    public async Task CatalogListsProfilesAndCoreGroupsMatchingTheSchema()
    {
        await using var gw = await TestGateway.StartAsync();
        await using var client = await gw.ConnectAdminAsync();
        var res = await client.CallAsync("tools.catalog", new JsonObject { ["includePlugins"] = true });
        Assert.True(res.Ok, res.ToString());
        ProtocolSchema.AssertMatches("ToolsCatalogResult", res.Payload!);
        Assert.Equal("main", (string)res.Payload!["agentId"]!);
        Assert.Equal(["minimal", "coding", "messaging", "full"], res.Payload["profiles"]!.AsArray().Select(p => (string)p!["id"]!));
        var groups = res.Payload["groups"]!.AsArray();
        var fs = groups.Single(g => (string?)g!["id"] == "group:fs")!;
        Assert.Equal(["read", "write", "edit", "apply_patch"], fs["tools"]!.AsArray().Select(t => (string)t!["id"]!));
        var exec = groups.Single(g => (string?)g!["id"] == "group:runtime")!["tools"]!.AsArray().Single(t => (string?)t!["id"] == "exec")!;
        Assert.Equal(["coding", "full"], exec["defaultProfiles"]!.AsArray().Select(p => (string)p!));
        Assert.Contains(client.Hello!["features"]!["methods"]!.AsArray(), m => (string?)m == "tools.catalog");

        var unknown = await client.CallAsync("tools.catalog", new JsonObject { ["agentId"] = "ghost" });
        Assert.False(unknown.Ok);
        Assert.Contains("unknown agent", unknown.ErrorMessage, StringComparison.Ordinal);
    }
}
