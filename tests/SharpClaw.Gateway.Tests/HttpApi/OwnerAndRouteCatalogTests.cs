using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using SharpClaw.Agents.Runs;
using SharpClaw.Agents.Tools;
using SharpClaw.Gateway.Tests.Infrastructure;

namespace SharpClaw.Gateway.Tests.HttpApi;

/// <summary>
/// http-surfaces.md §8 cases that need the tool policy pipeline and the owner flag (TI11/TI12/TI14–TI16, RS28/RS29,
/// CC49), the lifecycle-end stream cases (CC47/CC48) and the remaining webhook address cases (HK26/HK34/HK36).
/// </summary>
public sealed class OwnerAndRouteCatalogTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static JsonObject Json(string s) => JsonNode.Parse(s)!.AsObject();

    private static Task<HttpApiHost> StartAsync(string config, params IAgentTool[] tools)
        => HttpApiHost.StartAsync(Json(config), services =>
        {
            foreach (var tool in tools)
            {
                services.Agents!.Tools!.Register(tool);
            }
        });

    private static async Task<HttpResponseMessage> SendAsync(HttpClient client, string path, string body, params (string Name, string Value)[] headers)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = HttpApiHost.Json(body) };
        foreach (var (name, value) in headers)
        {
            request.Headers.Add(name, value);
        }

        return await client.SendAsync(request, Ct);
    }

    /// <summary>senderIsOwner false shows as a tool allow-list without the owner-only tools; owners get no narrowing.</summary>
    private static bool RunIsOwner(AgentRunRequest run)
    {
        if (run.AllowedTools is null)
        {
            return true;
        }

        Assert.DoesNotContain("cron", run.AllowedTools);
        Assert.DoesNotContain("gateway", run.AllowedTools);
        Assert.Contains("sessions_list", run.AllowedTools);
        return false;
    }

    [Fact]
    public async Task TI11_SharedSecret_IsOwner_EvenWithNarrowScopesHeader()
    {
        var cron = new FakeTool("cron");
        await using var host = await StartAsync("""{"gateway":{"tools":{"allow":["cron"]}}}""", cron);
        var response = await SendAsync(host.Client, "/tools/invoke", """{"tool":"cron","args":{}}""", ("x-openclaw-scopes", "operator.approvals"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Single(cron.Invocations);
    }

    [Fact]
    public async Task TI12_OwnerOnlyTool_NeedsAdminScope()
    {
        var cron = new FakeTool("cron", _ => new ToolResult("owner-only"));
        await using var host = await StartAsync("""{"gateway":{"auth":{"mode":"none"},"tools":{"allow":["cron"]}}}""", cron);
        var writeOnly = await SendAsync(host.Anonymous, "/tools/invoke", """{"tool":"cron","args":{}}""", ("x-openclaw-scopes", "operator.write"));
        Assert.Equal(HttpStatusCode.NotFound, writeOnly.StatusCode);
        Assert.Empty(cron.Invocations);
        var admin = await SendAsync(host.Anonymous, "/tools/invoke", """{"tool":"cron","args":{}}""", ("x-openclaw-scopes", "operator.admin, operator.write"));
        Assert.Equal(HttpStatusCode.OK, admin.StatusCode);
        var json = await HttpApiHost.ReadJsonAsync(admin);
        Assert.True((bool)json["ok"]!);
        Assert.Equal("owner-only", (string?)json["result"]!["content"]![0]!["text"]);
    }

    [Fact]
    public async Task TI14_MainSessionOfTheDefaultAgent_UsesThatAgentsPolicy()
    {
        var tool = new FakeTool("agents_list");
        var config = """{"session":{"mainKey":"primary"},"agents":{"default":"ops","list":[{"id":"ops"},{"id":"main","tools":{"deny":["agents_list"]}}]}}""";
        await using var host = await StartAsync(config, tool);
        Assert.Equal(HttpStatusCode.OK, (await host.PostAsync("/tools/invoke", """{"tool":"agents_list","args":{}}""")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await host.PostAsync("/tools/invoke", """{"tool":"agents_list","args":{},"sessionKey":"main"}""")).StatusCode);
        Assert.All(tool.Invocations, i => Assert.Equal(("ops", "agent:ops:main"), (i.Context.AgentId, i.Context.SessionKey)));
        Assert.Equal(2, tool.Invocations.Count);
        Assert.Equal(HttpStatusCode.NotFound, (await host.PostAsync("/tools/invoke", """{"tool":"agents_list","args":{},"sessionKey":"agent:main:main"}""")).StatusCode);
    }

    [Fact]
    public async Task TI15_RouteHeaders_ReachTheToolContext()
    {
        var tool = new FakeTool("agents_list");
        await using var host = await StartAsync("{}", tool);
        var response = await SendAsync(host.Client, "/tools/invoke", """{"tool":"agents_list","args":{}}""",
            ("x-openclaw-message-to", "channel:24514"), ("x-openclaw-thread-id", "thread-24514"), ("x-openclaw-message-channel", "Discord"), ("x-openclaw-account-id", "acct-1"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var context = Assert.Single(tool.Invocations).Context;
        Assert.Equal(("channel:24514", "thread-24514", "discord", "acct-1"), (context.MessageTo, context.ThreadId, context.MessageChannel, context.AccountId));
    }

    [Fact]
    public async Task TI16_PluginRoutes_CannotShadowToolsInvoke()
    {
        var pluginCalls = 0;
        var tool = new FakeTool("agents_list");
        await using var host = await HttpApiHost.StartAsync(null, services =>
        {
            services.Agents!.Tools!.Register(tool);
            services.HttpExtensions.AddChannelRoute("/api/channels/plugin", prefix: true, _ => Task.FromResult(++pluginCalls));
            Assert.Throws<ArgumentException>(() => services.HttpExtensions.AddChannelRoute("/tools/invoke", prefix: true, _ => Task.FromResult(++pluginCalls)));
        });
        Assert.Equal(HttpStatusCode.OK, (await host.PostAsync("/tools/invoke", """{"tool":"agents_list","args":{}}""")).StatusCode);
        Assert.Single(tool.Invocations);
        Assert.Equal(0, pluginCalls);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task RS28_ScopesHeader_DecidesSenderIsOwner(bool stream)
    {
        await using var host = await HttpApiHost.StartAsync(Json("""{"gateway":{"auth":{"mode":"none"}}}"""));
        var body = $$"""{"model":"openclaw","input":"hi","stream":{{(stream ? "true" : "false")}}}""";
        Assert.Equal(HttpStatusCode.OK, (await SendAsync(host.Anonymous, "/v1/responses", body, ("x-openclaw-scopes", "operator.write"))).StatusCode);
        Assert.False(RunIsOwner(host.LastRun));
        Assert.Equal(HttpStatusCode.OK, (await SendAsync(host.Anonymous, "/v1/responses", body, ("x-openclaw-scopes", "operator.admin, operator.write"))).StatusCode);
        Assert.True(RunIsOwner(host.LastRun));
    }

    [Fact]
    public async Task RS29_CC49_SharedSecret_IsOwner_WhateverTheScopesHeader()
    {
        await using var host = await HttpApiHost.StartAsync();
        Assert.Equal(HttpStatusCode.OK, (await SendAsync(host.Client, "/v1/responses", """{"model":"openclaw","input":"hi"}""", ("x-openclaw-scopes", "operator.approvals"))).StatusCode);
        Assert.True(RunIsOwner(host.LastRun));
        Assert.Equal(HttpStatusCode.OK, (await SendAsync(host.Client, "/v1/chat/completions", """{"model":"openclaw","messages":[{"role":"user","content":"hi"}]}""", ("x-openclaw-scopes", "operator.approvals"))).StatusCode);
        Assert.True(RunIsOwner(host.LastRun));
    }

    [Fact]
    public async Task CC47_LifecycleEndBeforeTheResult_StillCarriesTheResultUsage()
    {
        await using var host = await HttpApiHost.StartAsync();
        host.Model.Enqueue(new ScriptedReply(["he", "llo"]) { InputTokens = 7, OutputTokens = 3, CacheRead = 0 });
        var body = await (await host.PostAsync("/v1/chat/completions", """{"model":"openclaw","stream":true,"stream_options":{"include_usage":true},"messages":[{"role":"user","content":"hi"}]}""")).Content.ReadAsStringAsync(Ct);
        var frames = Sse.Frames(body).ToList();
        Assert.Equal("[DONE]", frames[^1].Data);
        Assert.Equal("""{"prompt_tokens":7,"completion_tokens":3,"total_tokens":10}""", JsonNode.Parse(frames[^2].Data)!["usage"]!.ToJsonString());
    }

    [Fact]
    public async Task CC48_LifecycleEndWithoutAResult_EndsTheStreamWithDone()
    {
        await using var host = await HttpApiHost.StartAsync();
        host.Model.Enqueue(new ScriptedReply(["partial"]) { HangUntilCancelled = true });
        var response = await host.Client.SendAsync(
            new HttpRequestMessage(HttpMethod.Post, "/v1/chat/completions") { Content = HttpApiHost.Json("""{"model":"openclaw","stream":true,"messages":[{"role":"user","content":"hi"}]}""") },
            HttpCompletionOption.ResponseHeadersRead,
            Ct);
        var runId = host.LastRun.RunId;
        var run = host.Services.Agents!.Runtime.Find(runId)!;
        host.Services.Agents.RunEvents!.Publish("agent", new JsonObject { ["runId"] = runId, ["stream"] = "lifecycle", ["data"] = new JsonObject { ["phase"] = "end" } }, dropIfSlow: false);
        var body = await response.Content.ReadAsStringAsync(Ct).WaitAsync(TimeSpan.FromSeconds(30), Ct);
        Assert.False(run.Completion.IsCompleted);
        var frames = Sse.Frames(body).ToList();
        Assert.Equal("[DONE]", frames[^1].Data);
        Assert.Contains("partial", body, StringComparison.Ordinal);
        Assert.DoesNotContain("\"usage\"", body, StringComparison.Ordinal);
        run.Abort();
    }

    [Fact]
    public async Task HK26_Idempotency_IsNotKeyedByForwardedClient()
    {
        await using var host = await HttpApiHost.StartAsync(Json($$$"""{"gateway":{"trustedProxies":["127.0.0.1"]},"hooks":{"enabled":true,"token":"{{{HttpApiHost.HookToken}}}"}}"""));
        host.Client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", HttpApiHost.HookToken);
        async Task<string> PostAsync(string xff)
        {
            var response = await SendAsync(host.Client, "/hooks/agent", """{"message":"once"}""", ("Idempotency-Key", "hook-idem-26"), ("X-Forwarded-For", xff));
            return (string)(await HttpApiHost.ReadJsonAsync(response))["runId"]!;
        }

        Assert.Equal(await PostAsync("1.2.3.4"), await PostAsync("5.6.7.8"));
        Assert.Single(host.Runs);
    }

    [Fact]
    public async Task HK34_Ipv4MappedAddress_SharesTheFailureBudget()
    {
        await using var host = await HttpApiHost.StartAsync(Json($$$"""{"gateway":{"trustedProxies":["127.0.0.1"]},"hooks":{"enabled":true,"token":"{{{HttpApiHost.HookToken}}}"}}"""));
        using var wrong = new HttpClient { BaseAddress = host.Gateway.HttpUrl };
        wrong.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "wrong");
        for (var i = 0; i < 20; i++)
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await SendAsync(wrong, "/hooks/wake", """{"text":"x"}""", ("X-Forwarded-For", "1.2.3.4"))).StatusCode);
        }

        var mapped = await SendAsync(wrong, "/hooks/wake", """{"text":"x"}""", ("X-Forwarded-For", "::ffff:1.2.3.4"));
        Assert.Equal((HttpStatusCode)429, mapped.StatusCode);
        Assert.NotNull(mapped.Headers.RetryAfter);
    }

    [Fact]
    public async Task HK36_RootWithHooksEnabled_Is404NotFound()
    {
        await using var host = await HttpApiHost.StartAsync(Json($$$"""{"gateway":{"controlUi":{"enabled":false}},"hooks":{"enabled":true,"token":"{{{HttpApiHost.HookToken}}}"}}"""));
        foreach (var method in new[] { HttpMethod.Get, HttpMethod.Post })
        {
            var response = await host.Anonymous.SendAsync(new HttpRequestMessage(method, "/"), Ct);
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            Assert.Equal("Not Found", await response.Content.ReadAsStringAsync(Ct));
        }
    }
}
