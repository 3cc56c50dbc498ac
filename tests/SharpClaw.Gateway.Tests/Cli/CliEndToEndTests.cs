using System.Text.Json.Nodes;
using SharpClaw.Cli;
using SharpClaw.Core.State;
using SharpClaw.Gateway.Tests.Infrastructure;

namespace SharpClaw.Gateway.Tests.Cli;

public sealed class CliEndToEndTests
{
    private sealed record Run(int Exit, string Out, string Err);

    private static async Task<Run> RunAsync(string stateDir, Dictionary<string, string>? env, params string[] args)
    {
        var o = new StringWriter();
        var e = new StringWriter();
        var environment = new CliEnvironment
        {
            Out = o,
            Error = e,
            Env = n => env?.GetValueOrDefault(n),
            Paths = new StatePaths(stateDir, Path.Combine(stateDir, "sharpclaw.json")),
        };
        var exit = await CliApp.RunAsync(args, environment, TestContext.Current.CancellationToken);
        return new Run(exit, o.ToString(), e.ToString());
    }

    [Fact]
    public async Task Health_Status_Call_AndDevices_AgainstARunningGateway()
    {
        await using var gw = await TestGateway.StartAsync();
        var cliState = TestGateway.NewStateDir();
        var url = gw.WsUrl.ToString();
        var health = await RunAsync(cliState, null, "health", "--url", url, "--token", TestGateway.Token);
        Assert.True(health.Exit == 0, health.Err);
        Assert.Contains("ok", health.Out);

        var status = await RunAsync(cliState, null, "status", "--json", "--url", url, "--token", TestGateway.Token);
        Assert.Equal(0, status.Exit);
        Assert.Equal(gw.Gateway.Port, (int)JsonNode.Parse(status.Out)!["gateway"]!["port"]!);

        var call = await RunAsync(cliState, new() { ["OPENCLAW_GATEWAY_TOKEN"] = TestGateway.Token }, "gateway", "call", "system-presence", "--url", url);
        Assert.Equal(0, call.Exit);
        Assert.True(JsonNode.Parse(call.Out)!.AsArray().Count >= 2);

        var devices = await RunAsync(cliState, null, "devices", "list", "--json", "--url", url, "--token", TestGateway.Token);
        Assert.Equal(0, devices.Exit);
        Assert.Contains(JsonNode.Parse(devices.Out)!["paired"]!.AsArray(), d => (string?)d!["clientId"] == "cli");

        // The CLI stored its device token: later calls work without the shared token.
        var again = await RunAsync(cliState, null, "health", "--json", "--url", url);
        Assert.True(again.Exit == 0, again.Err);
        Assert.True(File.Exists(Path.Combine(cliState, "identity", "device.json")));
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(Path.Combine(cliState, "identity", "device.json")));
        }

        var badCall = await RunAsync(cliState, null, "gateway", "call", "health", "--params", "{oops", "--url", url);
        Assert.NotEqual(0, badCall.Exit);
        Assert.Contains("--params is not valid JSON", badCall.Err);
        Directory.Delete(cliState, true);
    }

    [Fact]
    public async Task NotRunning_TellsHowToStartIt()
    {
        var dir = TestGateway.NewStateDir();
        var run = await RunAsync(dir, null, "health", "--url", "ws://127.0.0.1:9/", "--token", "x");
        Assert.Equal(2, run.Exit);
        Assert.Contains("gateway is not running", run.Err);
        Assert.Contains("sharpclaw gateway", run.Err);
        Directory.Delete(dir, true);
    }

    [Fact]
    public async Task WrongToken_SaysWhichSettingToFix()
    {
        await using var gw = await TestGateway.StartAsync();
        var dir = TestGateway.NewStateDir();
        var run = await RunAsync(dir, null, "status", "--url", gw.WsUrl.ToString(), "--token", "wrong");
        Assert.Equal(3, run.Exit);
        Assert.Contains("gateway token mismatch", run.Err);
        Assert.Contains("OPENCLAW_GATEWAY_TOKEN", run.Err);
        Directory.Delete(dir, true);
    }

    [Fact]
    public async Task Config_GetSetValidate_WorkOffline()
    {
        var dir = TestGateway.NewStateDir();
        var set = await RunAsync(dir, null, "config", "set", "gateway.auth.token", "abcdefabcdefabcdefabcdef");
        Assert.Equal(0, set.Exit);
        Assert.Equal(0, (await RunAsync(dir, null, "config", "set", "gateway.port", "19999")).Exit);
        var get = await RunAsync(dir, null, "config", "get", "gateway.auth.token");
        Assert.Equal("abcdefabcdefabcdefabcdef", get.Out.Trim());
        var whole = await RunAsync(dir, null, "config", "get");
        Assert.DoesNotContain("abcdefabcdefabcdefabcdef", whole.Out);
        Assert.Contains("19999", whole.Out);
        Assert.Equal(0, (await RunAsync(dir, null, "config", "validate")).Exit);
        var bad = await RunAsync(dir, null, "config", "set", "gateway.bind", "moon");
        Assert.NotEqual(0, bad.Exit);
        Assert.Contains("gateway.bind", bad.Err);
        await File.WriteAllTextAsync(Path.Combine(dir, "sharpclaw.json"), "{ gatway: {} }", TestContext.Current.CancellationToken);
        var invalid = await RunAsync(dir, null, "config", "validate");
        Assert.Equal(1, invalid.Exit);
        Assert.Contains("did you mean", invalid.Out);
        Directory.Delete(dir, true);
    }
}
