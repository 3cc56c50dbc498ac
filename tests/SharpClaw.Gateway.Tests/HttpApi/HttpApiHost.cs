using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using SharpClaw.Agents.Runs;
using SharpClaw.Core.Config;
using SharpClaw.Gateway.Hosting;
using SharpClaw.Gateway.Runtime;
using SharpClaw.Gateway.Tests.Infrastructure;

namespace SharpClaw.Gateway.Tests.HttpApi;

/// <summary>A real gateway with the HTTP APIs enabled, a scripted model, agents main + beta, and a bearer HttpClient.</summary>
public sealed class HttpApiHost : IAsyncDisposable
{
    public const string HookToken = "hook-secret-0123456789abcdef";

    private HttpApiHost(TestGateway gateway, ScriptedModelInvoker model, ConcurrentQueue<AgentRunRequest> runs)
    {
        Gateway = gateway;
        Model = model;
        Runs = runs;
        // No draining of abandoned responses: disposing an unfinished stream closes the connection at once, as a
        // disconnecting client does (the client-disconnect cases depend on it).
        Client = new HttpClient(new SocketsHttpHandler { MaxResponseDrainSize = 0 }, disposeHandler: true) { BaseAddress = gateway.HttpUrl, Timeout = TimeSpan.FromSeconds(60) };
        Client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", TestGateway.Token);
        Anonymous = new HttpClient { BaseAddress = gateway.HttpUrl, Timeout = TimeSpan.FromSeconds(60) };
    }

    public TestGateway Gateway { get; }

    public ScriptedModelInvoker Model { get; }

    /// <summary>Every agent run the HTTP APIs started, in order.</summary>
    public ConcurrentQueue<AgentRunRequest> Runs { get; }

    public HttpClient Client { get; }

    public HttpClient Anonymous { get; }

    public GatewayServices Services => Gateway.Gateway.Services;

    public AgentRunRequest LastRun => Runs.Last();

    public static JsonObject DefaultConfig() => new()
    {
        ["gateway"] = new JsonObject
        {
            ["http"] = new JsonObject
            {
                ["endpoints"] = new JsonObject
                {
                    ["chatCompletions"] = new JsonObject { ["enabled"] = true },
                    ["responses"] = new JsonObject { ["enabled"] = true },
                },
            },
        },
        ["agents"] = new JsonObject { ["list"] = new JsonArray(new JsonObject { ["id"] = "main" }, new JsonObject { ["id"] = "beta" }, new JsonObject { ["id"] = "hooks" }) },
    };

    public static async Task<HttpApiHost> StartAsync(JsonObject? config = null, Action<GatewayServices>? configure = null, string? dir = null, TimeProvider? time = null)
    {
        var model = new ScriptedModelInvoker();
        var runs = new ConcurrentQueue<AgentRunRequest>();
        var merged = DefaultConfig();
        if (config is not null)
        {
            merged = MergePatch.Apply(merged, config).Merged;
        }

        var gateway = await TestGateway.StartAsync(merged, o => new GatewayHostOptions
        {
            Paths = o.Paths,
            Port = 0,
            Token = o.Token,
            Console = o.Console,
            Environment = o.Environment,
            ModelInvoker = model,
            TimeProvider = time ?? TimeProvider.System,
            ConfigureMethods = (services, _) =>
            {
                services.HttpExtensions.RunStarted += runs.Enqueue;
                configure?.Invoke(services);
            },
        }, dir);
        return new HttpApiHost(gateway, model, runs);
    }

    public static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    public static StringContent Json(JsonNode json) => Json(json.ToJsonString());

    public Task<HttpResponseMessage> PostAsync(string path, string json, HttpClient? client = null) => (client ?? Client).PostAsync(path, Json(json), TestContext.Current.CancellationToken);

    /// <summary>POSTs JSON with extra request headers (added without validation, so odd values stay as sent).</summary>
    public async Task<HttpResponseMessage> PostAsync(string path, string json, HttpClient? client, params (string Name, string Value)[] headers)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = Json(json) };
        foreach (var (name, value) in headers)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        return await (client ?? Client).SendAsync(request, TestContext.Current.CancellationToken);
    }

    public static async Task<JsonObject> ReadJsonAsync(HttpResponseMessage response)
        => (JsonObject)JsonNode.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken))!;

    /// <summary>Everything the gateway's JSON-lines log files hold so far (read while they are still being written).</summary>
    public async Task<string> LogTextAsync()
    {
        var dir = Services.Paths.LogDir;
        var text = new StringBuilder();
        foreach (var file in Directory.Exists(dir) ? Directory.EnumerateFiles(dir) : [])
        {
            await using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            using var reader = new StreamReader(stream);
            text.Append(await reader.ReadToEndAsync(TestContext.Current.CancellationToken));
        }

        return text.ToString();
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        Anonymous.Dispose();
        await Gateway.DisposeAsync();
    }
}
