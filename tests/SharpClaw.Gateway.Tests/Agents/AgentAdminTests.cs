using System.Text.Json.Nodes;
using SharpClaw.Gateway.Tests.Infrastructure;

namespace SharpClaw.Gateway.Tests.Agents;

public sealed class AgentAdminTests
{
    [Fact]
    public async Task AgentsCreateUpdateDelete_ChangeConfig_AndFilesStayInTheWorkspace()
    {
        await using var gw = await TestGateway.StartAsync(new JsonObject { ["ui"] = new JsonObject() });
        await using var admin = await gw.ConnectAdminAsync();
        var created = await admin.CallAsync("agents.create", new JsonObject { ["agentId"] = "ops", ["name"] = "Ops", ["identity"] = new JsonObject { ["emoji"] = "🛠" } });
        Assert.True(created.Ok, created.ToString());
        var list = await admin.CallAsync("agents.list");
        Assert.Contains(list.Payload!["agents"]!.AsArray(), x => (string)x!["id"]! == "ops");
        Assert.Equal("🛠", (string)(await admin.CallAsync("agent.identity.get", new JsonObject { ["agentId"] = "ops" })).Payload!["emoji"]!);
        Assert.Equal("INVALID_REQUEST", (await admin.CallAsync("agents.create", new JsonObject { ["agentId"] = "ops" })).ErrorCode);
        Assert.Equal("INVALID_REQUEST", (await admin.CallAsync("agents.create", new JsonObject { ["agentId"] = "Bad Id!" })).ErrorCode);
        Assert.True((await admin.CallAsync("agents.update", new JsonObject { ["agentId"] = "ops", ["name"] = "Operations" })).Ok);

        var files = await admin.CallAsync("agents.files.list", new JsonObject { ["agentId"] = "ops" });
        Assert.Contains(files.Payload!["files"]!.AsArray(), f => (string)f!["path"]! == "AGENTS.md");
        Assert.True((await admin.CallAsync("agents.files.set", new JsonObject { ["agentId"] = "ops", ["path"] = "notes/todo.md", ["content"] = "- ship" })).Ok);
        Assert.Equal("- ship", (string)(await admin.CallAsync("agents.files.get", new JsonObject { ["agentId"] = "ops", ["path"] = "notes/todo.md" })).Payload!["content"]!);
        foreach (var escape in new[] { "../escape.md", "/etc/passwd", "notes/../../x", "~/x" })
        {
            var refused = await admin.CallAsync("agents.files.set", new JsonObject { ["agentId"] = "ops", ["path"] = escape, ["content"] = "x" });
            Assert.Equal("INVALID_REQUEST", refused.ErrorCode);
        }

        var workspace = (string)list.Payload!["agents"]!.AsArray().First(x => (string)x!["id"]! == "ops")!["workspace"]!;
        File.CreateSymbolicLink(Path.Combine(workspace, "link"), "/etc");
        Assert.Equal("INVALID_REQUEST", (await admin.CallAsync("agents.files.get", new JsonObject { ["agentId"] = "ops", ["path"] = "link/hostname" })).ErrorCode);

        Assert.True((await admin.CallAsync("agents.delete", new JsonObject { ["agentId"] = "ops" })).Ok);
        Assert.DoesNotContain((await admin.CallAsync("agents.list")).Payload!["agents"]!.AsArray(), x => (string)x!["id"]! == "ops");
        Assert.Equal("INVALID_REQUEST", (await admin.CallAsync("agents.delete", new JsonObject { ["agentId"] = "main" })).ErrorCode);
    }

    [Fact]
    public async Task SessionsExport_IsOpenClawJsonl_AndPatchResetDeleteWork()
    {
        var model = new ScriptedModelInvoker();
        await using var gw = await TestGateway.StartAsync(configure: o => new SharpClaw.Gateway.Hosting.GatewayHostOptions { Paths = o.Paths, Port = 0, Token = TestGateway.Token, Console = o.Console, Environment = o.Environment, ModelInvoker = model });
        await using var admin = await gw.ConnectAdminAsync();
        await admin.CallAsync("agent.wait", new JsonObject { ["message"] = "hello", ["idempotencyKey"] = "e1", ["timeoutMs"] = 10000 });
        var export = await admin.CallAsync("sessions.export", new JsonObject { ["key"] = "main" });
        var lines = ((string)export.Payload!["jsonl"]!).Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonNode.Parse(l)!).ToList();
        Assert.Equal("session", (string)lines[0]["type"]!);
        Assert.Equal(4, (int)lines[0]["version"]!);
        Assert.All(lines.Skip(1), l => Assert.Equal("message", (string)l["type"]!));

        var patch = await admin.CallAsync("sessions.patch", new JsonObject { ["key"] = "main", ["label"] = "Inbox", ["thinkingLevel"] = "high" });
        Assert.Equal("Inbox", (string)patch.Payload!["entry"]!["label"]!);
        Assert.Equal("INVALID_REQUEST", (await admin.CallAsync("sessions.patch", new JsonObject { ["key"] = "main", ["thinkingLevel"] = "extreme" })).ErrorCode);
        var preview = await admin.CallAsync("sessions.preview", new JsonObject { ["keys"] = new JsonArray("main") });
        Assert.Equal(2, preview.Payload!["previews"]![0]!["items"]!.AsArray().Count);
        var reset = await admin.CallAsync("sessions.reset", new JsonObject { ["key"] = "main" });
        Assert.Equal(0, (long)reset.Payload!["entry"]!["inputTokens"]!);
        var history = await admin.CallAsync("chat.history", new JsonObject { ["sessionKey"] = "main" });
        Assert.Equal(2, history.Payload!["messages"]!.AsArray().Count); // history stays on disk; the model context restarts
        var resolve = await admin.CallAsync("sessions.resolve", new JsonObject { ["sessionKey"] = "main" });
        Assert.True((bool)resolve.Payload!["exists"]!);
        Assert.True((await admin.CallAsync("sessions.delete", new JsonObject { ["key"] = "main" })).Ok);
        Assert.Empty((await admin.CallAsync("sessions.list")).Payload!["sessions"]!.AsArray());
        var usage = await admin.CallAsync("sessions.usage", new JsonObject { ["range"] = "7d" });
        Assert.Equal(100, (long)usage.Payload!["totals"]!["input"]!);
        var series = await admin.CallAsync("sessions.usage.timeseries", new JsonObject { ["range"] = "7d" });
        Assert.Single(series.Payload!["points"]!.AsArray());
        var logs = await admin.CallAsync("sessions.usage.logs", new JsonObject());
        Assert.Single(logs.Payload!["entries"]!.AsArray());
        var status = await admin.CallAsync("usage.status");
        Assert.Equal(1, (int)status.Payload!["today"]!["calls"]!);
    }
}
