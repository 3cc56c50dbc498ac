using System.Text.Json.Nodes;
using SharpClaw.Core.State;
using SharpClaw.Gateway.Hosting;

namespace SharpClaw.Gateway.Tests.Infrastructure;

/// <summary>A real gateway on 127.0.0.1:0 with its own temp state dir.</summary>
public sealed class TestGateway : IAsyncDisposable
{
    public const string Token = "test-token-0123456789abcdef0123456789abcdef";

    private TestGateway(RunningGateway gateway, string dir, StringWriter console)
    {
        Gateway = gateway;
        StateDir = dir;
        Console = console;
    }

    public RunningGateway Gateway { get; }

    public string StateDir { get; }

    public StringWriter Console { get; }

    public Uri WsUrl => Gateway.WsUrl;

    public Uri HttpUrl => Gateway.HttpUrl;

    public static StatePaths PathsFor(string dir) => new(dir, Path.Combine(dir, "sharpclaw.json"));

    public static string NewStateDir() => Directory.CreateTempSubdirectory("sharpclaw-test-").FullName;

    public static async Task<TestGateway> StartAsync(JsonObject? config = null, Func<GatewayHostOptions, GatewayHostOptions>? configure = null, string? dir = null, bool withToken = true)
    {
        var ownsDir = dir is null;
        dir ??= NewStateDir();
        if (config is not null)
        {
            await File.WriteAllTextAsync(Path.Combine(dir, "sharpclaw.json"), config.ToJsonString());
        }

        var console = new StringWriter();
        var options = new GatewayHostOptions
        {
            Paths = PathsFor(dir),
            Port = 0,
            Token = withToken && config?["gateway"]?["auth"]?["mode"] is null ? Token : null,
            Console = console,
            Environment = _ => null,
        };
        if (configure is not null)
        {
            options = configure(options);
        }

        try
        {
            var gateway = await GatewayHost.StartAsync(options, TestContext.Current.CancellationToken);
            return new TestGateway(gateway, dir, console);
        }
        catch when (ownsDir)
        {
            Directory.Delete(dir, recursive: true);
            throw;
        }
    }

    public Task<WsTestClient> OpenAsync(IDictionary<string, string>? headers = null) => WsTestClient.OpenAsync(WsUrl, headers);

    /// <summary>A connected local CLI with a device identity and all CLI scopes.</summary>
    public async Task<WsTestClient> ConnectAdminAsync()
    {
        var client = await OpenAsync();
        var hello = await client.ConnectAsync(new ConnectOptions { Token = Token, ClientId = "cli", ClientMode = "cli", Scopes = Protocol.Auth.OperatorScopes.CliDefault.ToArray() });
        Assert.True(hello.Ok, hello.ToString());
        return client;
    }

    public async ValueTask DisposeAsync()
    {
        await Gateway.DisposeAsync();
        try
        {
            Directory.Delete(StateDir, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
