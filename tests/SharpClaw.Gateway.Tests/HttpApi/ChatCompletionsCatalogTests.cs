using System.Net;
using System.Text.Json.Nodes;
using SharpClaw.Gateway.Tests.Infrastructure;

namespace SharpClaw.Gateway.Tests.HttpApi;

/// <summary>http-surfaces.md §8 chat-completions cases (CCxx) plus the seed's limits, against a real gateway.</summary>
public sealed class ChatCompletionsCatalogTests
{
    private const string Hi = """{"model":"openclaw","messages":[{"role":"user","content":"hi"}]}""";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task CC01_Get_Is405WithAllowPost()
    {
        await using var host = await HttpApiHost.StartAsync();
        var response = await host.Client.GetAsync("/v1/chat/completions", Ct);
        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Equal("POST", response.Content.Headers.Allow.Single());
        Assert.Equal("Method Not Allowed", await response.Content.ReadAsStringAsync(Ct));
    }

    [Fact]
    public async Task CC02_Disabled_Is404NotFound()
    {
        await using var host = await HttpApiHost.StartAsync(JsonNode.Parse("""{"gateway":{"http":{"endpoints":{"chatCompletions":{"enabled":false},"responses":{"enabled":false}}}}}""")!.AsObject());
        var response = await host.PostAsync("/v1/chat/completions", Hi);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("Not Found", await response.Content.ReadAsStringAsync(Ct));
        Assert.Equal(HttpStatusCode.NotFound, (await host.Client.GetAsync("/v1/models", Ct)).StatusCode);
    }

    [Fact]
    public async Task CC03_NoModel_RunsOnDefaultAgentViaWebchat()
    {
        await using var host = await HttpApiHost.StartAsync();
        var response = await host.PostAsync("/v1/chat/completions", """{"messages":[{"role":"user","content":"hi"}]}""");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("webchat", host.LastRun.Channel);
        Assert.Equal("main", host.LastRun.AgentId);
        Assert.StartsWith("openai:127.0.0.1:main:", host.LastRun.SessionKey, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CC04_CC05_CC06_ModelAndHeaderSelectTheAgent()
    {
        await using var host = await HttpApiHost.StartAsync();
        var withHeaderResponse = await host.PostAsync("/v1/chat/completions", Hi, null, ("x-openclaw-agent-id", "beta"));
        Assert.Equal(HttpStatusCode.OK, withHeaderResponse.StatusCode);
        Assert.Equal("beta", host.LastRun.AgentId);
        Assert.StartsWith("openai:127.0.0.1:beta:", host.LastRun.SessionKey, StringComparison.Ordinal);

        foreach (var (model, agent) in new[] { ("openclaw/beta", "beta"), ("openclaw:beta", "beta"), ("agent:beta", "beta"), ("openclaw/default", "main"), ("OpenClaw", "main") })
        {
            var response = await host.PostAsync("/v1/chat/completions", $$"""{"model":"{{model}}","messages":[{"role":"user","content":"hi"}]}""");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal(agent, host.LastRun.AgentId);
        }
    }

    [Fact]
    public async Task CC07_SessionKeyHeader_IsUsedVerbatim()
    {
        await using var host = await HttpApiHost.StartAsync();
        var response = await host.PostAsync("/v1/chat/completions", Hi, null, ("x-openclaw-agent-id", "beta"), ("x-openclaw-session-key", "agent:beta:openai:custom"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("agent:beta:openai:custom", host.LastRun.SessionKey);
    }

    [Fact]
    public async Task CC08_User_ScopesTheSeedSessionKey()
    {
        await using var host = await HttpApiHost.StartAsync();
        await host.PostAsync("/v1/chat/completions", """{"model":"openclaw","user":"Alice","messages":[{"role":"user","content":"one"}]}""");
        var first = host.LastRun.SessionKey;
        await host.PostAsync("/v1/chat/completions", """{"model":"openclaw","user":"alice","messages":[{"role":"user","content":"two"}]}""");
        Assert.Equal("openai:127.0.0.1:main:alice", first);
        Assert.Equal(first, host.LastRun.SessionKey);
    }

    [Fact]
    public async Task CC09_CC10_MessageChannelHeader_IsTrimmedAndLowerCased()
    {
        await using var host = await HttpApiHost.StartAsync();
        var response = await host.PostAsync("/v1/chat/completions", Hi, null, ("x-openclaw-message-channel", " Custom-Channel "));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("custom-channel", host.LastRun.Channel);
    }

    [Fact]
    public async Task CC11_CC14_ModelOverrideHeader()
    {
        await using var host = await HttpApiHost.StartAsync();
        var okResponse = await host.PostAsync("/v1/chat/completions", Hi, null, ("x-openclaw-model", "openai/gpt-5.4"));
        Assert.Equal(HttpStatusCode.OK, okResponse.StatusCode);
        Assert.Equal("openai/gpt-5.4", host.LastRun.Model);

        var response = await host.PostAsync("/v1/chat/completions", Hi, null, ("x-openclaw-model", "openai/"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("Invalid `x-openclaw-model`.", (string?)(await HttpApiHost.ReadJsonAsync(response))["error"]!["message"]);
        Assert.Single(host.Runs);
    }

    [Fact]
    public async Task CC12_CC15_ModelOverride_AgainstTheAllowlist()
    {
        await using var host = await HttpApiHost.StartAsync(JsonNode.Parse("""{"agents":{"defaults":{"model":"openai/gpt-5.4","models":{"openai/gpt-5.4":{}}}}}""")!.AsObject());
        var bareResponse = await host.PostAsync("/v1/chat/completions", Hi, null, ("x-openclaw-model", "gpt-5.4"));
        Assert.Equal(HttpStatusCode.OK, bareResponse.StatusCode);
        Assert.Equal("gpt-5.4", host.LastRun.Model);

        var response = await host.PostAsync("/v1/chat/completions", Hi, null, ("x-openclaw-model", "claude-cli/opus"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("Model 'claude-cli/opus' is not allowed for agent 'main'.", (string?)(await HttpApiHost.ReadJsonAsync(response))["error"]!["message"]);
        Assert.Single(host.Runs);
    }

    [Fact]
    public async Task CC13_NonOpenClawModel_Is400AndNoRun()
    {
        await using var host = await HttpApiHost.StartAsync();
        foreach (var model in new[] { "openai/", "gpt-4o" })
        {
            var response = await host.PostAsync("/v1/chat/completions", $$"""{"model":"{{model}}","messages":[{"role":"user","content":"hi"}]}""");
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            var error = (await HttpApiHost.ReadJsonAsync(response))["error"]!;
            Assert.Equal("invalid_request_error", (string?)error["type"]);
            Assert.Equal("Invalid `model`. Use `openclaw` or `openclaw/<agentId>`.", (string?)error["message"]);
        }

        Assert.Empty(host.Runs);
    }

    [Fact]
    public async Task UnknownAgentModel_Is404ModelNotFound()
    {
        await using var host = await HttpApiHost.StartAsync();
        var response = await host.PostAsync("/v1/chat/completions", """{"model":"openclaw/nobody","messages":[{"role":"user","content":"hi"}]}""");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("model_not_found", (string?)(await HttpApiHost.ReadJsonAsync(response))["error"]!["code"]);
    }

    [Fact]
    public async Task CC16_TextParts_AreJoinedWithNewlines()
    {
        await using var host = await HttpApiHost.StartAsync();
        await host.PostAsync("/v1/chat/completions", """{"model":"openclaw","messages":[{"role":"user","content":[{"type":"text","text":"hello"},{"type":"input_text","text":"world"}]}]}""");
        Assert.Equal("hello\nworld", host.LastRun.Message);
    }

    [Fact]
    public async Task CC17_CC18_CC20_DataUriImages_ReachTheRun()
    {
        await using var host = await HttpApiHost.StartAsync();
        var png = Convert.ToBase64String([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 1, 2, 3, 4]);
        var response = await host.PostAsync("/v1/chat/completions", $$$"""{"model":"openclaw","messages":[{"role":"user","content":[{"type":"text","text":"describe this"},{"type":"image_url","image_url":{"url":"data:image/png;base64,{{{png}}}"}}]}]}""");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("describe this", host.LastRun.Message);
        var image = Assert.Single(host.LastRun.Attachments);
        Assert.Equal(("image/png", png), (image.MimeType, image.Base64Data));

        await host.PostAsync("/v1/chat/completions", """{"model":"openclaw","messages":[{"role":"user","content":[{"type":"image_url","image_url":"data:image/png;charset=utf-8;base64,QUJDRA=="}]}]}""");
        Assert.Equal("image/png", Assert.Single(host.LastRun.Attachments).MimeType);
        Assert.Contains("User sent image(s) with no text.", host.LastRun.Message, StringComparison.Ordinal);

        await host.PostAsync("/v1/chat/completions", """{"model":"openclaw","messages":[{"role":"user","content":[{"type":"image_url","image_url":{"url":"data:image/jpeg;base64,QUJDRA=="}}]}]}""");
        Assert.Equal("image/jpeg", Assert.Single(host.LastRun.Attachments).MimeType);
    }

    [Theory]
    [InlineData("CC19", "https://example.com/image.png", 1)]
    [InlineData("CC24", "data:application/pdf;base64,QUJDRA==", 1)]
    [InlineData("CC25", "data:image/png;base64,QUJDRA==", 9)]
    public async Task CC19_CC24_CC25_BadImages_Are400AndNoRun(string id, string url, int count)
    {
        await using var host = await HttpApiHost.StartAsync();
        var parts = new JsonArray();
        for (var i = 0; i < count; i++)
        {
            parts.Add((JsonNode)new JsonObject { ["type"] = "image_url", ["image_url"] = new JsonObject { ["url"] = url } });
        }

        var body = new JsonObject { ["model"] = "openclaw", ["messages"] = new JsonArray(new JsonObject { ["role"] = "user", ["content"] = parts }) };
        var response = await host.Client.PostAsync("/v1/chat/completions", HttpApiHost.Json(body), Ct);
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, id);
        Assert.Equal("Invalid image_url content in `messages`.", (string?)(await HttpApiHost.ReadJsonAsync(response))["error"]!["message"]);
        Assert.Empty(host.Runs);
    }

    [Fact]
    public async Task CC21_CC22_OnlyTheLatestUserTurnsImagesAreForwarded()
    {
        await using var host = await HttpApiHost.StartAsync();
        await host.PostAsync("/v1/chat/completions", """{"model":"openclaw","messages":[{"role":"user","content":[{"type":"text","text":"look"},{"type":"image_url","image_url":"data:image/png;base64,QUFBQQ=="}]},{"role":"assistant","content":"nice"},{"role":"user","content":"and now?"}]}""");
        Assert.Empty(host.LastRun.Attachments);
        Assert.DoesNotContain("User sent image", host.LastRun.Message, StringComparison.Ordinal);

        await host.PostAsync("/v1/chat/completions", """{"model":"openclaw","messages":[{"role":"user","content":[{"type":"image_url","image_url":"data:image/png;base64,QUFBQQ=="}]},{"role":"assistant","content":"ok"},{"role":"user","content":[{"type":"image_url","image_url":"data:image/png;base64,QkJCQg=="}]}]}""");
        Assert.Equal("QkJCQg==", Assert.Single(host.LastRun.Attachments).Base64Data);
    }

    [Fact]
    public async Task CC23_BodyUnderTheSeedLimit_Is200_AndOverIt413()
    {
        await using var host = await HttpApiHost.StartAsync();
        var under = new JsonObject { ["model"] = "openclaw", ["messages"] = new JsonArray(new JsonObject { ["role"] = "user", ["content"] = new string('a', 1_000_000) }) };
        Assert.Equal(HttpStatusCode.OK, (await host.Client.PostAsync("/v1/chat/completions", HttpApiHost.Json(under), Ct)).StatusCode);
        var over = new JsonObject { ["model"] = "openclaw", ["messages"] = new JsonArray(new JsonObject { ["role"] = "user", ["content"] = new string('a', 1_048_577) }) };
        var response = await host.Client.PostAsync("/v1/chat/completions", HttpApiHost.Json(over), Ct);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        var error = (await HttpApiHost.ReadJsonAsync(response))["error"]!;
        Assert.StartsWith("Payload too large", (string?)error["message"], StringComparison.Ordinal);
        Assert.Equal("invalid_request_error", (string?)error["type"]);
    }

    [Fact]
    public async Task CC26_CC27_CC28_CC29_ConversationIsCondensed()
    {
        await using var host = await HttpApiHost.StartAsync();
        await host.PostAsync("/v1/chat/completions", """{"model":"openclaw","messages":[{"role":"system","content":"You are a helpful assistant."},{"role":"user","content":"Hello, who are you?"},{"role":"assistant","content":"I am Claude."},{"role":"user","content":"What did I just ask you?"}]}""");
        Assert.Equal("[Chat messages since your last reply - for context]\nUser: Hello, who are you?\nAssistant: I am Claude.\n\n[Current message - respond to this]\nUser: What did I just ask you?", host.LastRun.Message);
        Assert.Equal("You are a helpful assistant.", host.LastRun.ExtraSystemPrompt);

        await host.PostAsync("/v1/chat/completions", """{"model":"openclaw","messages":[{"role":"system","content":"sys"},{"role":"user","content":"Hello"}]}""");
        Assert.Equal("Hello", host.LastRun.Message);

        await host.PostAsync("/v1/chat/completions", """{"model":"openclaw","messages":[{"role":"developer","content":"You are a helpful assistant."},{"role":"user","content":"Hi"}]}""");
        Assert.Equal("You are a helpful assistant.", host.LastRun.ExtraSystemPrompt);

        await host.PostAsync("/v1/chat/completions", """{"model":"openclaw","messages":[{"role":"system","content":"s"},{"role":"user","content":"Weather?"},{"role":"assistant","content":"Checking."},{"role":"tool","content":"Sunny, 70F."}]}""");
        Assert.EndsWith("[Current message - respond to this]\nTool: Sunny, 70F.", host.LastRun.Message, StringComparison.Ordinal);
        Assert.Contains("User: Weather?\nAssistant: Checking.", host.LastRun.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CC31_CC32_NonStreaming_ReturnsCompletionWithRealUsage()
    {
        await using var host = await HttpApiHost.StartAsync();
        host.Model.Enqueue(new ScriptedReply(["hel", "lo"]) { InputTokens = 42, OutputTokens = 17, CacheRead = 0 });
        var response = await host.PostAsync("/v1/chat/completions", Hi);
        var json = await HttpApiHost.ReadJsonAsync(response);
        Assert.Equal("chat.completion", (string?)json["object"]);
        Assert.StartsWith("chatcmpl_", (string?)json["id"], StringComparison.Ordinal);
        Assert.Equal("openclaw", (string?)json["model"]);
        Assert.Equal("""{"role":"assistant","content":"hello"}""", json["choices"]![0]!["message"]!.ToJsonString());
        Assert.Equal("stop", (string?)json["choices"]![0]!["finish_reason"]);
        Assert.Equal("""{"prompt_tokens":42,"completion_tokens":17,"total_tokens":59}""", json["usage"]!.ToJsonString());
    }

    [Fact]
    public async Task CC33_CacheReadCountsAsPromptTokens()
    {
        await using var host = await HttpApiHost.StartAsync();
        host.Model.Enqueue(new ScriptedReply(["x"]) { InputTokens = 10, OutputTokens = 5, CacheRead = 20 });
        var json = await HttpApiHost.ReadJsonAsync(await host.PostAsync("/v1/chat/completions", Hi));
        Assert.Equal("""{"prompt_tokens":30,"completion_tokens":5,"total_tokens":35}""", json["usage"]!.ToJsonString());
    }

    [Fact]
    public async Task CC38_EmptyReply_IsNoResponseFromOpenClaw()
    {
        await using var host = await HttpApiHost.StartAsync();
        host.Model.Enqueue(new ScriptedReply([]));
        var json = await HttpApiHost.ReadJsonAsync(await host.PostAsync("/v1/chat/completions", Hi));
        Assert.Equal("No response from OpenClaw.", (string?)json["choices"]![0]!["message"]!["content"]);
    }

    [Fact]
    public async Task CC39_OnlySystemMessage_Is400()
    {
        await using var host = await HttpApiHost.StartAsync();
        var response = await host.PostAsync("/v1/chat/completions", """{"model":"openclaw","messages":[{"role":"system","content":"yo"}]}""");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("Missing user message in `messages`.", (string?)(await HttpApiHost.ReadJsonAsync(response))["error"]!["message"]);
    }

    [Fact]
    public async Task CC40_WrongBearer_Is401ThenRateLimited429WithRetryAfter()
    {
        await using var host = await HttpApiHost.StartAsync(JsonNode.Parse("""{"gateway":{"auth":{"rateLimit":{"maxAttempts":1,"windowMs":60000,"lockoutMs":60000,"exemptLoopback":false}}}}""")!.AsObject());
        using var wrong = new HttpClient { BaseAddress = host.Gateway.HttpUrl };
        wrong.DefaultRequestHeaders.Authorization = new("Bearer", "wrong");
        var first = await wrong.PostAsync("/v1/chat/completions", HttpApiHost.Json(Hi), Ct);
        Assert.Equal(HttpStatusCode.Unauthorized, first.StatusCode);
        Assert.Equal("unauthorized", (string?)(await HttpApiHost.ReadJsonAsync(first))["error"]!["type"]);
        var second = await wrong.PostAsync("/v1/chat/completions", HttpApiHost.Json(Hi), Ct);
        Assert.Equal((HttpStatusCode)429, second.StatusCode);
        Assert.True(second.Headers.RetryAfter?.Delta > TimeSpan.Zero);
        Assert.Equal("rate_limited", (string?)(await HttpApiHost.ReadJsonAsync(second))["error"]!["type"]);
        var missing = await host.Anonymous.PostAsync("/v1/chat/completions", HttpApiHost.Json(Hi), Ct);
        Assert.Contains(missing.StatusCode, new[] { HttpStatusCode.Unauthorized, (HttpStatusCode)429 });
    }

    [Fact]
    public async Task CC41_Streaming_ChunksRoleThenDeltasThenStopThenDone()
    {
        await using var host = await HttpApiHost.StartAsync();
        host.Model.Enqueue(new ScriptedReply(["he", "llo"]));
        var response = await host.PostAsync("/v1/chat/completions", """{"model":"openclaw","stream":true,"messages":[{"role":"user","content":"hi"}]}""");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType!.MediaType);
        var body = await response.Content.ReadAsStringAsync(Ct);
        Assert.Equal("[DONE]", Sse.Frames(body).Last().Data);
        var chunks = Sse.Json(body);
        Assert.All(chunks, c => Assert.Equal("chat.completion.chunk", (string?)c["object"]));
        Assert.Equal("assistant", (string?)chunks[0]["choices"]![0]!["delta"]!["role"]);
        Assert.Equal("hello", string.Concat(chunks.Select(c => (string?)c["choices"]?[0]?["delta"]?["content"])));
        Assert.Equal("stop", (string?)chunks[^1]["choices"]![0]!["finish_reason"]);
        Assert.DoesNotContain(chunks, c => c.ContainsKey("usage"));
    }

    [Fact]
    public async Task CC42_RepeatedDeltas_AreNotDeduplicated()
    {
        await using var host = await HttpApiHost.StartAsync();
        host.Model.Enqueue(new ScriptedReply(["hi", "hi"]));
        var body = await (await host.PostAsync("/v1/chat/completions", """{"model":"openclaw","stream":true,"messages":[{"role":"user","content":"hi"}]}""")).Content.ReadAsStringAsync(Ct);
        Assert.Equal("hihi", string.Concat(Sse.Json(body).Select(c => (string?)c["choices"]?[0]?["delta"]?["content"])));
    }

    [Fact]
    public async Task CC43_NoDeltas_StreamsTheWholeReplyOnce()
    {
        await using var host = await HttpApiHost.StartAsync();
        host.Model.Enqueue(new ScriptedReply([]));
        var body = await (await host.PostAsync("/v1/chat/completions", """{"model":"openclaw","stream":true,"messages":[{"role":"user","content":"hi"}]}""")).Content.ReadAsStringAsync(Ct);
        Assert.Contains("No response from OpenClaw.", body, StringComparison.Ordinal);
        Assert.EndsWith("data: [DONE]\n\n", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CC44_RunFailureMidStream_EndsWithErrorChunkAndDone()
    {
        await using var host = await HttpApiHost.StartAsync();
        host.Model.Enqueue(new ScriptedReply([]) { Error = new InvalidOperationException("boom") });
        var response = await host.PostAsync("/v1/chat/completions", """{"model":"openclaw","stream":true,"messages":[{"role":"user","content":"hi"}]}""");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync(Ct);
        var last = Sse.Json(body)[^1]["choices"]![0]!;
        Assert.Equal("Error: internal error", (string?)last["delta"]!["content"]);
        Assert.Equal("stop", (string?)last["finish_reason"]);
        Assert.Equal("[DONE]", Sse.Frames(body).Last().Data);
    }

    [Fact]
    public async Task NonStreamingRunFailure_Is500ApiError()
    {
        await using var host = await HttpApiHost.StartAsync();
        host.Model.Enqueue(new ScriptedReply([]) { Error = new InvalidOperationException("boom") });
        var response = await host.PostAsync("/v1/chat/completions", Hi);
        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal("""{"error":{"message":"internal error","type":"api_error"}}""", await response.Content.ReadAsStringAsync(Ct));
    }

    [Fact]
    public async Task CC45_IncludeUsage_AddsAUsageChunkWithEmptyChoices()
    {
        await using var host = await HttpApiHost.StartAsync();
        host.Model.Enqueue(new ScriptedReply(["ok"]) { InputTokens = 12, OutputTokens = 5, CacheRead = 3 });
        var body = await (await host.PostAsync("/v1/chat/completions", """{"model":"openclaw","stream":true,"stream_options":{"include_usage":true},"messages":[{"role":"user","content":"hi"}]}""")).Content.ReadAsStringAsync(Ct);
        var usage = Sse.Json(body).Single(c => c.ContainsKey("usage"));
        Assert.Empty(usage["choices"]!.AsArray());
        Assert.Equal("""{"prompt_tokens":15,"completion_tokens":5,"total_tokens":20}""", usage["usage"]!.ToJsonString());
        Assert.Equal("[DONE]", Sse.Frames(body).Last().Data);
    }

    [Fact]
    public async Task CC50_ClientDisconnect_AbortsTheRun()
    {
        await using var host = await HttpApiHost.StartAsync();
        host.Model.Enqueue(new ScriptedReply(["x"]) { HangUntilCancelled = true });
        using var cts = new CancellationTokenSource();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/v1/chat/completions") { Content = HttpApiHost.Json("""{"model":"openclaw","stream":true,"messages":[{"role":"user","content":"hi"}]}""") };
        var response = await host.Client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, Ct);
        await using (var stream = await response.Content.ReadAsStreamAsync(Ct))
        {
            var buffer = new byte[64];
            _ = await stream.ReadAsync(buffer, Ct);
        }

        response.Dispose();
        var run = host.Services.Agents!.Runtime.Find(host.LastRun.RunId)!;
        var result = await run.Completion.WaitAsync(TimeSpan.FromSeconds(20), Ct);
        Assert.Equal("aborted", result.Status);
    }

    [Fact]
    public async Task CC51_EmptyScopesHeaderInModeNone_Is403()
    {
        await using var host = await HttpApiHost.StartAsync(JsonNode.Parse("""{"gateway":{"auth":{"mode":"none"}}}""")!.AsObject());
        var response = await host.PostAsync("/v1/chat/completions", Hi, host.Anonymous, ("x-openclaw-scopes", ""));
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("""{"ok":false,"error":{"type":"forbidden","message":"missing scope: operator.write"}}""", await response.Content.ReadAsStringAsync(Ct));
        Assert.Equal(HttpStatusCode.OK, (await host.Anonymous.PostAsync("/v1/chat/completions", HttpApiHost.Json(Hi), Ct)).StatusCode);
    }

    [Fact]
    public async Task ErrorPaths_BadJsonAndMissingAuth()
    {
        await using var host = await HttpApiHost.StartAsync();
        var bad = await host.PostAsync("/v1/chat/completions", "{");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal("invalid_request_error", (string?)(await HttpApiHost.ReadJsonAsync(bad))["error"]!["type"]);
        var anonymous = await host.Anonymous.PostAsync("/v1/chat/completions", HttpApiHost.Json(Hi), Ct);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal("unauthorized", (string?)(await HttpApiHost.ReadJsonAsync(anonymous))["error"]!["type"]);
    }

    [Fact]
    public async Task Models_ListsAgentsAsModels()
    {
        await using var host = await HttpApiHost.StartAsync();
        var list = await HttpApiHost.ReadJsonAsync(await host.Client.GetAsync("/v1/models", Ct));
        Assert.Equal("list", (string?)list["object"]);
        Assert.Equal(["openclaw", "openclaw/main", "openclaw/beta", "openclaw/hooks"], list["data"]!.AsArray().Select(m => (string)m!["id"]!));
        Assert.Equal(HttpStatusCode.OK, (await host.Client.GetAsync("/v1/models/openclaw%2Fbeta", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await host.Client.GetAsync("/v1/models/openclaw%2Fnope", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.MethodNotAllowed, (await host.Client.PostAsync("/v1/models", HttpApiHost.Json("{}"), Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await host.Anonymous.GetAsync("/v1/models", Ct)).StatusCode);
    }
}
