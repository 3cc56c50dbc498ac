using System.Text.Json.Nodes;
using SharpClaw.Gateway.Tests.Infrastructure;

namespace SharpClaw.Gateway.Tests.Interop;

/// <summary>OpenClaw's reference client (@openclaw/gateway-client from npm) against a real SharpClaw gateway.</summary>
public sealed class OpenClawClientInteropTests
{
    private static Dictionary<string, string> Env(TestGateway gw, string stateDir) => new()
    {
        ["SHARPCLAW_URL"] = gw.WsUrl.ToString().TrimEnd('/'),
        ["SHARPCLAW_TOKEN"] = TestGateway.Token,
        ["SHARPCLAW_STATE"] = stateDir,
        ["SHARPCLAW_TIMEOUT_MS"] = "60000",
    };

    [Fact]
    public async Task ReferenceClient_ConnectsWithDeviceIdentity_AndCallsHealthAndStatus()
    {
        await using var gw = await TestGateway.StartAsync();
        var clientState = Directory.CreateTempSubdirectory("sharpclaw-node-").FullName;
        await using var script = NodeScript.Start("client-smoke.mjs", Env(gw, clientState));
        var steps = new Dictionary<string, JsonObject>();
        while (await script.NextAsync(TimeSpan.FromSeconds(60)) is { } line)
        {
            steps[(string)line["step"]!] = line;
        }

        var exit = await script.ExitCodeAsync(TimeSpan.FromSeconds(10));
        Assert.True(exit == 0, $"client-smoke exited {exit}: {string.Join("\n", script.Lines.Select(l => l.ToJsonString()))}\n{script.Stderr}");
        Assert.Equal(4, (int)steps["hello"]["protocol"]!);
        Assert.True((bool)steps["hello"]["deviceToken"]!, "the paired device must receive a device token");
        Assert.True((bool)steps["health"]["ok"]!);
        Assert.True((bool)steps["status"]["ok"]!);
        Directory.Delete(clientState, recursive: true);
    }

    [Fact]
    public async Task ReferenceClient_PairingRequired_ThenApprovedByOperator()
    {
        var config = new JsonObject
        {
            ["gateway"] = new JsonObject
            {
                ["auth"] = new JsonObject { ["token"] = TestGateway.Token },
                ["nodes"] = new JsonObject { ["pairing"] = new JsonObject { ["autoApproveLocal"] = false } },
            },
        };
        await using var gw = await TestGateway.StartAsync(config);
        await using var admin = await gw.OpenAsync();
        Assert.True((await admin.ConnectAsync(new ConnectOptions { Token = TestGateway.Token, ClientId = "cli", ClientMode = "cli", Scopes = ["operator.admin"], WithDevice = false })).Ok);
        var clientState = Directory.CreateTempSubdirectory("sharpclaw-node-").FullName;
        await using var script = NodeScript.Start("client-smoke.mjs", Env(gw, clientState));
        var first = await script.NextAsync(TimeSpan.FromSeconds(60));
        Assert.NotNull(first);
        Assert.Equal("connect-error", (string)first!["step"]!);
        var requestId = (string?)first["requestId"];
        Assert.False(string.IsNullOrEmpty(requestId), first.ToJsonString());
        var approve = await admin.CallAsync("device.pair.approve", new JsonObject { ["requestId"] = requestId });
        Assert.True(approve.Ok, approve.ToString());
        var steps = new Dictionary<string, JsonObject>();
        while (await script.NextAsync(TimeSpan.FromSeconds(60)) is { } line)
        {
            steps[(string)line["step"]!] = line;
        }

        Assert.True(steps.ContainsKey("done"), string.Join("\n", script.Lines.Select(l => l.ToJsonString())) + "\n" + script.Stderr);
        Assert.True((bool)steps["hello"]["deviceToken"]!);
        Assert.True((bool)steps["health"]["ok"]!);
        Directory.Delete(clientState, recursive: true);
    }
}
