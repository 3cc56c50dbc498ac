using System.Net;
using System.Text.Json.Nodes;
using SharpClaw.Agents.Tools;
using SharpClaw.Gateway.Http;

namespace SharpClaw.Gateway.Tests.HttpApi;

/// <summary>http-surfaces.md §8 tools-invoke cases (TIxx) and the seed's /tools/invoke contract.</summary>
public sealed class ToolsInvokeCatalogTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static Task<HttpApiHost> StartAsync(JsonObject? config, params IAgentTool[] tools)
        => HttpApiHost.StartAsync(config, services =>
        {
            foreach (var tool in tools)
            {
                services.Agents!.Tools!.Register(tool);
            }
        });

    [Fact]
    public async Task TI01_AllowedTool_Runs_WithTheMainSessionContext()
    {
        var tool = new FakeTool("agents_list", schema: JsonNode.Parse("""{"type":"object","properties":{"action":{"type":"string"}}}""")!.AsObject());
        await using var host = await StartAsync(null, tool);
        var response = await host.PostAsync("/tools/invoke", """{"tool":"agents_list","action":"json","args":{},"sessionKey":"main"}""");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var json = await HttpApiHost.ReadJsonAsync(response);
        Assert.True((bool)json["ok"]!);
        Assert.Equal("ran agents_list", (string?)json["result"]!["content"]![0]!["text"]);
        var call = Assert.Single(tool.Invocations);
        Assert.Equal("agent:main:main", call.Context.SessionKey);
        Assert.Equal("json", (string?)call.Arguments["action"]);
        Assert.StartsWith("http-", call.ToolCallId, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TI03_GatewayToolsDeny_Is404()
    {
        await using var host = await StartAsync(JsonNode.Parse("""{"gateway":{"tools":{"deny":["agents_list"]}}}""")!.AsObject(), new FakeTool("agents_list"));
        var response = await host.PostAsync("/tools/invoke", """{"tool":"agents_list","args":{}}""");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("""{"ok":false,"error":{"type":"not_found","message":"Tool not available: agents_list"}}""", await response.Content.ReadAsStringAsync(Ct));
    }

    [Fact]
    public async Task TI05_TI06_DefaultHttpDenyList_Is404EvenWhenRegistered()
    {
        var names = new[] { "sessions_spawn", "sessions_send", "gateway", "exec", "apply_patch", "nodes", "cron", "shell", "fs_write" };
        var tools = names.Select(n => new FakeTool(n)).ToArray();
        await using var host = await StartAsync(null, tools);
        foreach (var name in names)
        {
            var response = await host.PostAsync("/tools/invoke", $$$"""{"tool":"{{{name}}}","args":{}}""");
            Assert.True(response.StatusCode == HttpStatusCode.NotFound, name);
        }

        Assert.All(tools, t => Assert.Empty(t.Invocations));
        Assert.Equal(HttpStatusCode.NotFound, (await host.PostAsync("/tools/invoke", """{"tool":"no_such_tool"}""")).StatusCode);
    }

    [Fact]
    public async Task TI07_TI09_GatewayToolsAllow_TakesANameOffTheDenyList()
    {
        await using var host = await StartAsync(JsonNode.Parse("""{"gateway":{"tools":{"allow":["cron"]}}}""")!.AsObject(), new FakeTool("cron"), new FakeTool("gateway"));
        Assert.Equal(HttpStatusCode.OK, (await host.PostAsync("/tools/invoke", """{"tool":"cron","args":{}}""")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await host.PostAsync("/tools/invoke", """{"tool":"gateway","args":{}}""")).StatusCode);
    }

    [Fact]
    public async Task TI08_DenyWinsOverAllow()
    {
        await using var host = await StartAsync(JsonNode.Parse("""{"gateway":{"tools":{"allow":["gateway"],"deny":["gateway"]}}}""")!.AsObject(), new FakeTool("gateway"));
        Assert.Equal(HttpStatusCode.NotFound, (await host.PostAsync("/tools/invoke", """{"tool":"gateway","args":{}}""")).StatusCode);
    }

    [Theory]
    [InlineData("""{"tools":{"deny":["agents_list"]}}""", "denied by tools deny")]
    [InlineData("""{"tools":{"profile":"minimal"}}""", "not allowed by tools.profile (minimal)")]
    [InlineData("""{"agents":{"list":[{"id":"main","tools":{"deny":["group:sessions"]}}]}}""", "denied by agents.main.tools deny")]
    public async Task AgentToolPolicy_AppliesToHttpInvoke_AsToAgentTurns(string config, string reason)
    {
        var tools = new[] { new FakeTool("agents_list"), new FakeTool("sessions_list") };
        await using var host = await StartAsync(JsonNode.Parse(config)!.AsObject(), tools);
        var agentsList = await host.PostAsync("/tools/invoke", """{"tool":"agents_list","args":{}}""");
        var sessionsList = await host.PostAsync("/tools/invoke", """{"tool":"sessions_list","args":{}}""");
        var denied = config.Contains("group:sessions", StringComparison.Ordinal) ? sessionsList : agentsList;
        Assert.Equal(HttpStatusCode.NotFound, denied.StatusCode);
        if (config.Contains("minimal", StringComparison.Ordinal))
        {
            Assert.Equal(HttpStatusCode.NotFound, sessionsList.StatusCode);
        }
        else
        {
            Assert.Equal(HttpStatusCode.OK, (denied == agentsList ? sessionsList : agentsList).StatusCode);
        }

        Assert.StartsWith(reason, PipelineToolInvokePolicy.ReasonDenied(new ToolInvokeRequest
        {
            Tool = denied == agentsList ? "agents_list" : "sessions_list",
            Args = [],
            AgentId = "main",
            SessionKey = "agent:main:main",
            SenderIsOwner = true,
            Config = JsonNode.Parse(config)!.AsObject(),
        }) ?? "(allowed)", StringComparison.Ordinal);
    }

    [Fact]
    public async Task TI10_EmptyScopes_Is403()
    {
        await using var host = await StartAsync(JsonNode.Parse("""{"gateway":{"auth":{"mode":"none"}}}""")!.AsObject(), new FakeTool("agents_list"));
        using var request = new HttpRequestMessage(HttpMethod.Post, "/tools/invoke") { Content = HttpApiHost.Json("""{"tool":"agents_list"}""") };
        request.Headers.Add("x-openclaw-scopes", "");
        var response = await host.Anonymous.SendAsync(request, Ct);
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("""{"ok":false,"error":{"type":"forbidden","message":"missing scope: operator.write"}}""", await response.Content.ReadAsStringAsync(Ct));
    }

    [Fact]
    public async Task TI13_ToolFailures_MapTo400_403_500()
    {
        await using var host = await StartAsync(
            null,
            new FakeTool("input_error", _ => ToolResult.Error("mode invalid")),
            new FakeTool("arg_throw", _ => throw new ArgumentException("mode invalid")),
            new FakeTool("forbidden", _ => throw new UnauthorizedAccessException("mode forbidden")),
            new FakeTool("crash", _ => throw new InvalidOperationException("secret detail")));
        var input = await host.PostAsync("/tools/invoke", """{"tool":"input_error"}""");
        Assert.Equal(HttpStatusCode.BadRequest, input.StatusCode);
        Assert.Equal("""{"ok":false,"error":{"type":"tool_error","message":"mode invalid"}}""", await input.Content.ReadAsStringAsync(Ct));
        Assert.Equal(HttpStatusCode.BadRequest, (await host.PostAsync("/tools/invoke", """{"tool":"arg_throw"}""")).StatusCode);
        var forbidden = await host.PostAsync("/tools/invoke", """{"tool":"forbidden"}""");
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        var crash = await host.PostAsync("/tools/invoke", """{"tool":"crash"}""");
        Assert.Equal(HttpStatusCode.InternalServerError, crash.StatusCode);
        Assert.Equal("""{"ok":false,"error":{"type":"tool_error","message":"tool execution failed"}}""", await crash.Content.ReadAsStringAsync(Ct));
    }

    [Fact]
    public async Task TI17_MissingTool_Is400()
    {
        await using var host = await StartAsync(null);
        var response = await host.PostAsync("/tools/invoke", """{"args":{}}""");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("""{"error":{"message":"tools.invoke requires body.tool","type":"invalid_request_error"}}""", await response.Content.ReadAsStringAsync(Ct));
    }

    [Fact]
    public async Task TI18_Get_Is405()
    {
        await using var host = await StartAsync(null);
        var response = await host.Client.GetAsync("/tools/invoke", Ct);
        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Equal("POST", response.Content.Headers.Allow.Single());
    }

    [Fact]
    public async Task DryRun_ValidatesAndReportsWithoutRunning()
    {
        var tool = new FakeTool("web_search", schema: JsonNode.Parse("""{"type":"object","properties":{"query":{"type":"string"}},"required":["query"]}""")!.AsObject());
        await using var host = await StartAsync(null, tool);
        var ok = await HttpApiHost.ReadJsonAsync(await host.PostAsync("/tools/invoke", """{"tool":"web_search","args":{"query":"news"},"sessionKey":"agent:beta:work","dryRun":true}"""));
        Assert.True((bool)ok["dryRun"]!);
        Assert.Equal("agent:beta:work", (string?)ok["result"]!["sessionKey"]);
        Assert.Equal("beta", (string?)ok["result"]!["agentId"]);
        var missing = await host.PostAsync("/tools/invoke", """{"tool":"web_search","args":{},"dryRun":true}""");
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        Assert.Contains("query", await missing.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Empty(tool.Invocations);
    }

    [Fact]
    public async Task ChannelAndAccountHeaders_ReachThePolicy_AndLimitIs2MB()
    {
        var seen = new List<ToolInvokeRequest>();
        await using var host = await HttpApiHost.StartAsync(null, services =>
        {
            services.Agents!.Tools!.Register(new FakeTool("echo"));
            services.HttpExtensions.ToolPolicy = new RecordingPolicy(seen);
        });
        using var request = new HttpRequestMessage(HttpMethod.Post, "/tools/invoke") { Content = HttpApiHost.Json("""{"tool":"echo"}""") };
        request.Headers.Add("X-OpenClaw-Message-Channel", "Telegram");
        request.Headers.Add("X-OpenClaw-Account-Id", "acct-7");
        Assert.Equal(HttpStatusCode.OK, (await host.Client.SendAsync(request, Ct)).StatusCode);
        Assert.Equal(("telegram", "acct-7", true), (seen[0].MessageChannel, seen[0].AccountId, seen[0].SenderIsOwner));

        var big = new JsonObject { ["tool"] = "echo", ["args"] = new JsonObject { ["x"] = new string('a', 2 * 1024 * 1024) } };
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, (await host.Client.PostAsync("/tools/invoke", HttpApiHost.Json(big), Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await host.Anonymous.PostAsync("/tools/invoke", HttpApiHost.Json("""{"tool":"echo"}"""), Ct)).StatusCode);
    }

    private sealed class RecordingPolicy(List<ToolInvokeRequest> seen) : IToolInvokePolicy
    {
        public bool IsAllowed(ToolInvokeRequest request)
        {
            seen.Add(request);
            return true;
        }
    }
}
