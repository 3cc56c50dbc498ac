using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Time.Testing;
using SharpClaw.Gateway.Hosting;
using SharpClaw.Gateway.Http;
using SharpClaw.Gateway.Http.Hooks;
using SharpClaw.Gateway.Tests.Infrastructure;

namespace SharpClaw.Gateway.Tests.HttpApi;

/// <summary>http-surfaces.md §8 webhook cases (HKxx) with the seed's statuses (202 for agent runs).</summary>
public sealed class HooksCatalogTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static JsonObject Hooks(string extra = "")
        => JsonNode.Parse($$$"""{"hooks":{"enabled":true,"token":"{{{HttpApiHost.HookToken}}}"{{{extra}}}}}""")!.AsObject();

    private static async Task<HttpApiHost> StartAsync(string extra = "", Action<SharpClaw.Gateway.Runtime.GatewayServices>? configure = null)
    {
        var host = await HttpApiHost.StartAsync(Hooks(extra), configure);
        host.Client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", HttpApiHost.HookToken);
        return host;
    }

    private static string MainEvents(HttpApiHost host) => string.Join("\n", host.Services.Agents!.SystemEvents.Peek("agent:main:main").Select(e => e.Text));

    [Fact]
    public async Task HK01_NoToken_Is401Text()
    {
        await using var host = await StartAsync();
        var response = await host.Anonymous.PostAsync("/hooks/wake", HttpApiHost.Json("""{"text":"Ping"}"""), Ct);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("Unauthorized", await response.Content.ReadAsStringAsync(Ct));
    }

    [Fact]
    public async Task HK02_Wake_QueuesAnUntrustedEventOnTheMainSession()
    {
        await using var host = await StartAsync();
        var response = await host.PostAsync("/hooks/wake", """{"text":"Ping","mode":"next-heartbeat"}""");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("""{"ok":true,"mode":"next-heartbeat"}""", await response.Content.ReadAsStringAsync(Ct));
        var evt = Assert.Single(host.Services.Agents!.SystemEvents.Peek("agent:main:main"));
        Assert.Contains("Ping", evt.Text, StringComparison.Ordinal);
        Assert.Contains("EXTERNAL_UNTRUSTED_CONTENT", evt.Text, StringComparison.Ordinal);
        Assert.Equal("next-heartbeat", evt.Mode);
    }

    [Fact]
    public async Task HK03_Agent_Is202WithRunId_ContentIsUntrusted_AndCompletionIsNoted()
    {
        await using var host = await StartAsync();
        host.Model.Enqueue(new ScriptedReply(["done"]));
        var response = await host.PostAsync("/hooks/agent", """{"message":"Do it","name":"Email"}""");
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var json = await HttpApiHost.ReadJsonAsync(response);
        Assert.True((bool)json["ok"]!);
        Assert.Equal((string?)json["runId"], host.LastRun.RunId);
        Assert.Contains("SECURITY NOTICE", host.LastRun.Message, StringComparison.Ordinal);
        Assert.Contains("Source: webhook", host.LastRun.Message, StringComparison.Ordinal);
        Assert.Contains("Do it", host.LastRun.Message, StringComparison.Ordinal);
        await host.Services.Agents!.Runtime.Find(host.LastRun.RunId)!.Completion.WaitAsync(TimeSpan.FromSeconds(20), Ct);
        for (var i = 0; i < 100 && !MainEvents(host).Contains("Hook Email: done", StringComparison.Ordinal); i++)
        {
            await Task.Delay(50, Ct);
        }

        Assert.Contains("Hook Email: done", MainEvents(host), StringComparison.Ordinal);
    }

    [Fact]
    public async Task HK04_HK05_HK06_ModelAndAgentReachTheRun()
    {
        await using var host = await StartAsync();
        await host.PostAsync("/hooks/agent", """{"message":"m","model":"openai/gpt-4.1-mini"}""");
        Assert.Equal("openai/gpt-4.1-mini", host.LastRun.Model);
        await host.PostAsync("/hooks/agent", """{"message":"m","agentId":"hooks"}""");
        Assert.Equal("hooks", host.LastRun.AgentId);
        Assert.Equal(HttpStatusCode.Accepted, (await host.PostAsync("/hooks/agent", """{"message":"m","agentId":"missing-agent"}""")).StatusCode);
        Assert.Equal("main", host.LastRun.AgentId);
    }

    [Fact]
    public async Task HK07_QueryToken_Is400ExplainingTheHeader()
    {
        await using var host = await StartAsync();
        var response = await host.Anonymous.PostAsync($"/hooks/wake?token={HttpApiHost.HookToken}", HttpApiHost.Json("""{"text":"x"}"""), Ct);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Hook token must be provided", await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task HK08_HK11_HK12_HK13_ValidationErrors()
    {
        await using var host = await StartAsync();
        var channel = await host.PostAsync("/hooks/agent", """{"message":"Nope","channel":"sms"}""");
        Assert.Equal(HttpStatusCode.BadRequest, channel.StatusCode);
        Assert.StartsWith("channel must be last|", (string?)(await HttpApiHost.ReadJsonAsync(channel))["error"], StringComparison.Ordinal);
        Assert.Equal("""{"ok":false,"error":"text required"}""", await (await host.PostAsync("/hooks/wake", """{"text":" "}""")).Content.ReadAsStringAsync(Ct));
        Assert.Equal("""{"ok":false,"error":"message required"}""", await (await host.PostAsync("/hooks/agent", """{"message":" "}""")).Content.ReadAsStringAsync(Ct));
        Assert.Equal(HttpStatusCode.BadRequest, (await host.PostAsync("/hooks/wake", "{")).StatusCode);
        Assert.Equal("""{"ok":false,"error":"model required"}""", await (await host.PostAsync("/hooks/agent", """{"message":"m","model":" "}""")).Content.ReadAsStringAsync(Ct));
        Assert.Empty(host.Runs);
    }

    [Fact]
    public async Task HK09_HK41_XOpenClawTokenHeader_AndBearerWins()
    {
        await using var host = await StartAsync();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/hooks/wake") { Content = HttpApiHost.Json("""{"text":"x"}""") };
        request.Headers.Add("X-OpenClaw-Token", HttpApiHost.HookToken);
        Assert.Equal(HttpStatusCode.OK, (await host.Anonymous.SendAsync(request, Ct)).StatusCode);
        using var both = new HttpRequestMessage(HttpMethod.Post, "/hooks/wake") { Content = HttpApiHost.Json("""{"text":"x"}""") };
        both.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "wrong");
        both.Headers.Add("X-OpenClaw-Token", HttpApiHost.HookToken);
        Assert.Equal(HttpStatusCode.Unauthorized, (await host.Anonymous.SendAsync(both, Ct)).StatusCode);
    }

    [Fact]
    public async Task HK10_HK32_GetIs405_AndDoesNotSpendTheAuthBudget()
    {
        await using var host = await StartAsync();
        using var wrong = new HttpClient { BaseAddress = host.Gateway.HttpUrl };
        wrong.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "wrong");
        for (var i = 0; i < 21; i++)
        {
            var response = await wrong.GetAsync("/hooks/wake", Ct);
            Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
            Assert.Equal("POST", response.Content.Headers.Allow.Single());
        }

        Assert.Equal(HttpStatusCode.OK, (await host.PostAsync("/hooks/wake", """{"text":"x"}""")).StatusCode);
    }

    [Fact]
    public async Task HK14_HK42_GmailPresetAndMappingTemplates()
    {
        await using var host = await StartAsync(""","presets":["gmail"],"mappings":[{"match":{"path":"mail"},"action":"agent","messageTemplate":"New email from {{messages[0].from}}","sessionKey":"main"}]""");
        var response = await host.PostAsync("/hooks/mail", """{"source":"gmail","messages":[{"from":"ann@example.com"}]}""");
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal("main", host.LastRun.SessionKey);
        Assert.Contains("New email from ann@example.com", host.LastRun.Message, StringComparison.Ordinal);
        Assert.Contains("Source: gmail", host.LastRun.Message, StringComparison.Ordinal);

        await host.PostAsync("/hooks/gmail", """{"messages":[{"id":"m-1","from":"bob@example.com","subject":"Hi","snippet":"snip","body":"Body"}]}""");
        Assert.Equal("hook:gmail:m-1", host.LastRun.SessionKey);
        Assert.Contains("New email from bob@example.com\nSubject: Hi\nsnip\nBody", host.LastRun.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task HK15_MappedWake_RendersTheTextTemplate()
    {
        await using var host = await StartAsync(""","mappings":[{"match":{"path":"mapped-wake"},"action":"wake","textTemplate":"Mapped wake: {{payload.subject}}"}]""");
        var response = await host.PostAsync("/hooks/mapped-wake", """{"subject":"Email"}""");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Mapped wake: Email", MainEvents(host), StringComparison.Ordinal);
    }

    [Fact]
    public async Task HK16_RequestSessionKey_IsRefusedByDefault()
    {
        await using var host = await StartAsync();
        var response = await host.PostAsync("/hooks/agent", """{"message":"m","sessionKey":"agent:main:dm:u99999"}""");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("hooks.allowRequestSessionKey", (string?)(await HttpApiHost.ReadJsonAsync(response))["error"], StringComparison.Ordinal);
        Assert.Empty(host.Runs);
    }

    [Fact]
    public async Task HK17_HK18_HK19_HK20_SessionKeyPrefixPolicy()
    {
        await using var host = await StartAsync(""","allowRequestSessionKey":true,"allowedSessionKeyPrefixes":["hook:"],"defaultSessionKey":"hook:ingress","mappings":[{"match":{"path":"mapped"},"messageTemplate":"{{payload.subject}}","sessionKey":"hook:mapped:{{payload.id}}"},{"match":{"path":"bad"},"messageTemplate":"x","sessionKey":"agent:main:main"}]""");
        Assert.Equal(HttpStatusCode.Accepted, (await host.PostAsync("/hooks/agent", """{"message":"No key"}""")).StatusCode);
        Assert.Equal("hook:ingress", host.LastRun.SessionKey);
        Assert.Equal(HttpStatusCode.Accepted, (await host.PostAsync("/hooks/mapped", """{"subject":"hello","id":"42"}""")).StatusCode);
        Assert.Equal("hook:mapped:42", host.LastRun.SessionKey);
        Assert.Equal(HttpStatusCode.BadRequest, (await host.PostAsync("/hooks/agent", """{"message":"m","sessionKey":"agent:main:main"}""")).StatusCode);
        var mapped = await host.PostAsync("/hooks/bad", "{}");
        Assert.Equal(HttpStatusCode.BadRequest, mapped.StatusCode);
        Assert.Equal("sessionKey must start with one of: hook:", (string?)(await HttpApiHost.ReadJsonAsync(mapped))["error"]);
    }

    [Fact]
    public async Task HK21_HK22_AgentScopedKeysAreReboundToTheTargetAgent()
    {
        await using var host = await StartAsync(""","allowRequestSessionKey":true,"allowedSessionKeyPrefixes":["hook:","agent:"]""");
        await host.PostAsync("/hooks/agent", """{"message":"m","agentId":"hooks","sessionKey":"agent:hooks:slack:channel:c123"}""");
        Assert.Equal("agent:hooks:slack:channel:c123", host.LastRun.SessionKey);
        await host.PostAsync("/hooks/agent", """{"message":"m","agentId":"hooks","sessionKey":"agent:main:slack:channel:c123"}""");
        Assert.Equal("agent:hooks:slack:channel:c123", host.LastRun.SessionKey);
    }

    [Fact]
    public async Task HK23_HK24_ReboundKeyMustStillMatchThePrefixes()
    {
        await using var host = await StartAsync(""","allowRequestSessionKey":true,"allowedSessionKeyPrefixes":["hook:","agent:main:"],"mappings":[{"match":{"path":"m"},"agentId":"hooks","messageTemplate":"x","sessionKey":"agent:main:slack:channel:c123"}]""");
        var direct = await host.PostAsync("/hooks/agent", """{"message":"m","agentId":"hooks","sessionKey":"agent:main:slack:channel:c123"}""");
        Assert.Equal(HttpStatusCode.BadRequest, direct.StatusCode);
        Assert.Contains("sessionKey must start with one of", await direct.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, (await host.PostAsync("/hooks/m", "{}")).StatusCode);
        Assert.Empty(host.Runs);
    }

    [Fact]
    public async Task HK25_HK27_IdempotencyKey_DedupesUpTo256Chars()
    {
        await using var host = await StartAsync();
        async Task<string> PostAsync(string key)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/hooks/agent") { Content = HttpApiHost.Json("""{"message":"once"}""") };
            request.Headers.Add("Idempotency-Key", key);
            return (string)(await HttpApiHost.ReadJsonAsync(await host.Client.SendAsync(request, Ct)))["runId"]!;
        }

        Assert.Equal(await PostAsync("hook-idem-1"), await PostAsync("hook-idem-1"));
        Assert.Single(host.Runs);
        var longKey = new string('k', 257);
        Assert.NotEqual(await PostAsync(longKey), await PostAsync(longKey));
        Assert.Equal(3, host.Runs.Count);
    }

    [Fact]
    public void HK28_DedupeWindowIsFiveMinutesFromTheFirstDelivery()
    {
        var time = new FakeTimeProvider();
        var cache = new HookIdempotency(time);
        cache.Remember("k", "run-1");
        time.Advance(TimeSpan.FromMilliseconds(HookIdempotency.TtlMs - 1));
        Assert.Equal("run-1", cache.Find("k"));
        time.Advance(TimeSpan.FromMilliseconds(2));
        Assert.Null(cache.Find("k"));
    }

    [Fact]
    public async Task HK29_HK30_AllowedAgentIds()
    {
        await using var host = await StartAsync(""","allowedAgentIds":["hooks"],"mappings":[{"match":{"path":"m"},"agentId":"main","messageTemplate":"x"}]""");
        Assert.Equal(HttpStatusCode.Accepted, (await host.PostAsync("/hooks/agent", """{"message":"m"}""")).StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, (await host.PostAsync("/hooks/agent", """{"message":"m","agentId":"hooks"}""")).StatusCode);
        var denied = await host.PostAsync("/hooks/agent", """{"message":"m","agentId":"main"}""");
        Assert.Equal(HttpStatusCode.BadRequest, denied.StatusCode);
        Assert.Contains("hooks.allowedAgentIds", await denied.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, (await host.PostAsync("/hooks/m", "{}")).StatusCode);

        await using var none = await StartAsync(""","allowedAgentIds":[]""");
        Assert.Equal(HttpStatusCode.BadRequest, (await none.PostAsync("/hooks/agent", """{"message":"m","agentId":"hooks"}""")).StatusCode);
    }

    [Fact]
    public async Task HK31_TwentyFailures_Then429WithRetryAfter_CorrectTokenStillWorks()
    {
        await using var host = await StartAsync();
        using var wrong = new HttpClient { BaseAddress = host.Gateway.HttpUrl };
        wrong.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "wrong");
        for (var i = 0; i < 20; i++)
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await wrong.PostAsync("/hooks/wake", HttpApiHost.Json("""{"text":"x"}"""), Ct)).StatusCode);
        }

        var limited = await wrong.PostAsync("/hooks/wake", HttpApiHost.Json("""{"text":"x"}"""), Ct);
        Assert.Equal((HttpStatusCode)429, limited.StatusCode);
        Assert.True(limited.Headers.RetryAfter?.Delta >= TimeSpan.FromSeconds(1));
        Assert.Equal(HttpStatusCode.OK, (await host.PostAsync("/hooks/wake", """{"text":"x"}""")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await wrong.PostAsync("/hooks/wake", HttpApiHost.Json("""{"text":"x"}"""), Ct)).StatusCode);
    }

    [Fact]
    public async Task HK35_TrustedProxy_CountsFailuresPerForwardedClient()
    {
        await using var host = await HttpApiHost.StartAsync(JsonNode.Parse($$$"""{"gateway":{"trustedProxies":["127.0.0.1"]},"hooks":{"enabled":true,"token":"{{{HttpApiHost.HookToken}}}"}}""")!.AsObject());
        using var wrong = new HttpClient { BaseAddress = host.Gateway.HttpUrl };
        wrong.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "wrong");
        async Task<HttpStatusCode> SendAsync(string xff)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/hooks/wake") { Content = HttpApiHost.Json("""{"text":"x"}""") };
            request.Headers.Add("X-Forwarded-For", xff);
            return (await wrong.SendAsync(request, Ct)).StatusCode;
        }

        for (var i = 0; i < 20; i++)
        {
            Assert.Equal(HttpStatusCode.Unauthorized, await SendAsync("1.2.3.4"));
        }

        Assert.Equal((HttpStatusCode)429, await SendAsync("1.2.3.4, 127.0.0.1"));
        Assert.Equal(HttpStatusCode.Unauthorized, await SendAsync("5.6.7.8"));
    }

    [Fact]
    public async Task HK37_BodyOverHooksMaxBodyBytes_Is413()
    {
        await using var host = await StartAsync();
        var big = new JsonObject { ["text"] = new string('a', 256 * 1024) };
        var response = await host.Client.PostAsync("/hooks/wake", HttpApiHost.Json(big), Ct);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("""{"ok":false,"error":"payload too large"}""", await response.Content.ReadAsStringAsync(Ct));

        await using var small = await StartAsync(""","maxBodyBytes":100""");
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, (await small.Client.PostAsync("/hooks/wake", HttpApiHost.Json(new JsonObject { ["text"] = new string('a', 200) }), Ct)).StatusCode);
    }

    [Fact]
    public async Task HK38_NoSubPathOrUnknownMapping_Is404()
    {
        await using var host = await StartAsync();
        Assert.Equal(HttpStatusCode.NotFound, (await host.PostAsync("/hooks", "{}")).StatusCode);
        var unknown = await host.PostAsync("/hooks/unknown", "{}");
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal("Not Found", await unknown.Content.ReadAsStringAsync(Ct));
    }

    [Fact]
    public async Task HK39_TransformReturningNull_Is204_AndOverridesApply()
    {
        await using var host = await StartAsync(
            ""","mappings":[{"match":{"path":"skip"},"transform":{"module":"skipper"}},{"match":{"path":"rewrite"},"transform":{"module":"rewriter"}},{"match":{"path":"broken"},"transform":{"module":"missing"}}]""",
            services =>
            {
                services.HttpExtensions.AddHookTransform("skipper", new DelegateTransform(_ => null));
                services.HttpExtensions.AddHookTransform("rewriter", new DelegateTransform(input => new JsonObject { ["message"] = "Rewritten " + (string?)input["payload"]!["v"], ["name"] = "R" }));
            });
        var skip = await host.PostAsync("/hooks/skip", "{}");
        Assert.Equal(HttpStatusCode.NoContent, skip.StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, (await host.PostAsync("/hooks/rewrite", """{"v":"7"}""")).StatusCode);
        Assert.Contains("Rewritten 7", host.LastRun.Message, StringComparison.Ordinal);
        var broken = await host.PostAsync("/hooks/broken", "{}");
        Assert.Equal(HttpStatusCode.InternalServerError, broken.StatusCode);
        Assert.Equal("""{"ok":false,"error":"hook mapping failed"}""", await broken.Content.ReadAsStringAsync(Ct));
    }

    [Fact]
    public async Task HK40_BasePathIsNormalised()
    {
        await using var host = await StartAsync(""","path":"hooks///" """);
        Assert.Equal(HttpStatusCode.OK, (await host.PostAsync("/hooks/wake", """{"text":"x"}""")).StatusCode);
        await using var custom = await StartAsync(""","path":"/ingress/" """);
        Assert.Equal(HttpStatusCode.OK, (await custom.PostAsync("/ingress/wake", """{"text":"x"}""")).StatusCode);
    }

    [Fact]
    public async Task HK43_PrototypeSegmentsRenderEmpty_HK44_MappingWithoutTemplateIs400()
    {
        await using var host = await StartAsync(""","mappings":[{"match":{"path":"proto"},"messageTemplate":"value: [{{__proto__}}{{constructor.name}}{{prototype}}]"},{"match":{"path":"noop"},"action":"agent"}]""");
        Assert.Equal(HttpStatusCode.Accepted, (await host.PostAsync("/hooks/proto", """{"constructor":{"name":"x"}}""")).StatusCode);
        Assert.Contains("value: []", host.LastRun.Message, StringComparison.Ordinal);
        Assert.Equal("""{"ok":false,"error":"hook mapping requires message"}""", await (await host.PostAsync("/hooks/noop", "{}")).Content.ReadAsStringAsync(Ct));
    }

    [Fact]
    public async Task HooksDisabled_PathIsNotClaimed()
    {
        await using var host = await HttpApiHost.StartAsync();
        var response = await host.Anonymous.PostAsync("/hooks/wake", HttpApiHost.Json("""{"text":"x"}"""), Ct);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task HooksTokenEqualToGatewayToken_RefusesToStart()
    {
        var config = JsonNode.Parse($$$"""{"hooks":{"enabled":true,"token":"{{{TestGateway.Token}}}"}}""")!.AsObject();
        var ex = await Assert.ThrowsAsync<GatewayStartException>(() => TestGateway.StartAsync(config));
        Assert.Contains("hooks.token", ex.Message, StringComparison.Ordinal);
    }

    private sealed class DelegateTransform(Func<JsonObject, JsonObject?> transform) : IHookTransform
    {
        public Task<JsonObject?> TransformAsync(JsonObject input, CancellationToken cancellationToken) => Task.FromResult(transform(input));
    }
}
