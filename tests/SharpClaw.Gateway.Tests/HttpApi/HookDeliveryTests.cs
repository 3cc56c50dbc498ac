using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using SharpClaw.Gateway.Tests.Infrastructure;

namespace SharpClaw.Gateway.Tests.HttpApi;

/// <summary>Hook runs deliver their final reply through the message channels (<c>deliver</c>, <c>channel</c>, <c>to</c>).</summary>
public sealed class HookDeliveryTests
{
    private const string MainKey = "agent:main:main";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<HttpApiHost> StartAsync(string extra = "")
    {
        var config = JsonNode.Parse($$$"""{"hooks":{"enabled":true,"token":"{{{HttpApiHost.HookToken}}}"{{{extra}}}}}""")!.AsObject();
        var host = await HttpApiHost.StartAsync(config);
        host.Client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", HttpApiHost.HookToken);
        await host.Services.Agents!.Sessions.GetOrCreateAsync(MainKey, "main", null, Ct);
        return host;
    }

    private static async Task<WsTestClient> OperatorAsync(HttpApiHost host)
    {
        var client = await WsTestClient.OpenAsync(host.Gateway.WsUrl);
        Assert.True((await client.ConnectAsync(new ConnectOptions { Token = TestGateway.Token, ClientId = "cli", ClientMode = "cli", Scopes = ["operator.admin"] })).Ok);
        return client;
    }

    /// <summary>Posts the hook, waits for its run to finish, and gives the completion handler time to deliver or note.</summary>
    private static async Task RunHookAsync(HttpApiHost host, string path, string body, string reply)
    {
        host.Model.Enqueue(new ScriptedReply([reply]));
        var response = await host.PostAsync(path, body);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var runId = (string)(await HttpApiHost.ReadJsonAsync(response))["runId"]!;
        await host.Services.Agents!.Runtime.Find(runId)!.Completion.WaitAsync(TimeSpan.FromSeconds(20), Ct);
    }

    private static async Task<string> WaitForNoteAsync(HttpApiHost host, string contains)
    {
        for (var i = 0; i < 200; i++)
        {
            var notes = string.Join("\n", host.Services.Agents!.SystemEvents.Peek(MainKey).Select(e => e.Text));
            if (notes.Contains(contains, StringComparison.Ordinal))
            {
                return notes;
            }

            await Task.Delay(50, Ct);
        }

        throw new Xunit.Sdk.XunitException($"no system note containing \"{contains}\"");
    }

    internal static async Task<bool> LogContainsAsync(HttpApiHost host, string text)
    {
        var dir = host.Services.Paths.LogDir;
        for (var i = 0; i < 100; i++)
        {
            foreach (var file in Directory.Exists(dir) ? Directory.EnumerateFiles(dir) : [])
            {
                await using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
                using var reader = new StreamReader(stream);
                if ((await reader.ReadToEndAsync(Ct)).Contains(text, StringComparison.Ordinal))
                {
                    return true;
                }
            }

            await Task.Delay(50, Ct);
        }

        return false;
    }

    private static async Task<JsonObject> MainChatFinalAsync(WsTestClient client)
    {
        while (true)
        {
            var evt = await client.EventAsync("chat", TimeSpan.FromSeconds(20));
            if ((string?)evt.Payload!["sessionKey"] == MainKey && (string?)evt.Payload["state"] == "final")
            {
                return evt.Payload.AsObject();
            }
        }
    }

    private static async Task<string> MainTranscriptAsync(HttpApiHost host)
    {
        var session = await host.Services.Agents!.Sessions.GetAsync(MainKey, Ct);
        var events = await host.Services.Agents.Sessions.ReadEventsAsync(session!.SessionId, Ct);
        return string.Join("\n", events.Select(e => e.ToJsonString()));
    }

    [Fact]
    public async Task DefaultDelivery_LastFallsBackToWebchat_ReachesClientsAndTheMainSession()
    {
        await using var host = await StartAsync();
        await using var client = await OperatorAsync(host);
        await RunHookAsync(host, "/hooks/agent", """{"message":"Summarise the email","name":"Email"}""", "Meeting moved to 3pm");
        var chat = await MainChatFinalAsync(client);
        Assert.Equal("Meeting moved to 3pm", (string?)chat["message"]!["content"]![0]!["text"]);
        Assert.Contains("Meeting moved to 3pm", await MainTranscriptAsync(host), StringComparison.Ordinal);
        await Task.Delay(200, Ct);
        Assert.DoesNotContain(host.Services.Agents!.SystemEvents.Peek(MainKey), e => e.Text.Contains("Hook Email", StringComparison.Ordinal));
    }

    [Fact]
    public async Task WebchatWithTo_DeliversToThatSession()
    {
        await using var host = await StartAsync();
        await host.Services.Agents!.Sessions.GetOrCreateAsync("agent:main:inbox", "main", null, Ct);
        await RunHookAsync(host, "/hooks/agent", """{"message":"m","channel":"WebChat","to":"agent:main:inbox"}""", "Filed it");
        for (var i = 0; i < 200; i++)
        {
            var session = await host.Services.Agents.Sessions.GetAsync("agent:main:inbox", Ct);
            var events = await host.Services.Agents.Sessions.ReadEventsAsync(session!.SessionId, Ct);
            if (events.Any(e => e.ToJsonString().Contains("Filed it", StringComparison.Ordinal)))
            {
                Assert.DoesNotContain("Filed it", await MainTranscriptAsync(host), StringComparison.Ordinal);
                return;
            }

            await Task.Delay(50, Ct);
        }

        Assert.Fail("the reply never reached agent:main:inbox");
    }

    [Fact]
    public async Task DeliverFalse_SendsNothing_AndNotesTheResult()
    {
        await using var host = await StartAsync();
        await RunHookAsync(host, "/hooks/agent", """{"message":"m","name":"Quiet","deliver":false,"channel":"webchat"}""", "kept private");
        var notes = await WaitForNoteAsync(host, "Hook Quiet: kept private");
        Assert.DoesNotContain("not delivered", notes, StringComparison.Ordinal);
        Assert.DoesNotContain("kept private", await MainTranscriptAsync(host), StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnavailableChannel_IsReportedInTheNoteAndTheLog()
    {
        await using var host = await StartAsync();
        await RunHookAsync(host, "/hooks/agent", """{"message":"m","name":"Alert","channel":"telegram","to":"123456"}""", "Disk almost full");
        var notes = await WaitForNoteAsync(host, "Hook Alert: Disk almost full");
        Assert.Contains("reply not delivered: channel \"telegram\" is not available in this gateway (available: webchat)", notes, StringComparison.Ordinal);
        Assert.True(await LogContainsAsync(host, "reply of run"), "the gateway log records the undelivered reply");
        Assert.DoesNotContain("Disk almost full", await MainTranscriptAsync(host), StringComparison.Ordinal);
    }

    [Fact]
    public async Task LastRoute_FromTheMainSession_IsUsed()
    {
        await using var host = await StartAsync();
        await host.Services.Agents!.Sessions.UpdateAsync(MainKey, e => { e["lastChannel"] = "discord"; e["lastTo"] = "channel:42"; }, Ct);
        await RunHookAsync(host, "/hooks/agent", """{"message":"m","name":"Ping"}""", "pong");
        var notes = await WaitForNoteAsync(host, "Hook Ping: pong");
        Assert.Contains("channel \"discord\" is not available", notes, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Mapping_DeliveryFieldsAreUsed()
    {
        await using var host = await StartAsync(""","mappings":[{"match":{"path":"deploy"},"action":"agent","name":"Deploy","messageTemplate":"Deployed {{service}}","channel":"webchat","to":"{{target}}"}]""");
        await host.Services.Agents!.Sessions.GetOrCreateAsync("agent:main:ops", "main", null, Ct);
        await using var client = await OperatorAsync(host);
        await RunHookAsync(host, "/hooks/deploy", """{"service":"api","target":"agent:main:ops"}""", "api is live");
        while (true)
        {
            var evt = await client.EventAsync("chat", TimeSpan.FromSeconds(20));
            if ((string?)evt.Payload!["sessionKey"] == "agent:main:ops")
            {
                Assert.Equal("api is live", (string?)evt.Payload["message"]!["content"]![0]!["text"]);
                return;
            }
        }
    }

    [Fact]
    public async Task NoReply_IsNotDelivered()
    {
        await using var host = await StartAsync();
        await RunHookAsync(host, "/hooks/agent", """{"message":"m","name":"Silent","channel":"webchat"}""", "NO_REPLY");
        await WaitForNoteAsync(host, "Hook Silent: NO_REPLY");
        Assert.DoesNotContain("NO_REPLY", await MainTranscriptAsync(host), StringComparison.Ordinal);
    }
}
