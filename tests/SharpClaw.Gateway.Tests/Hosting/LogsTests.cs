using System.Text.Json.Nodes;
using SharpClaw.Gateway.Tests.Infrastructure;

namespace SharpClaw.Gateway.Tests.Hosting;

public sealed class LogsTests
{
    [Fact]
    public async Task LogsTail_ReturnsJsonLines_AndSecretsNeverReachTheLog()
    {
        await using var gw = await TestGateway.StartAsync();
        await using (var bad = await gw.OpenAsync())
        {
            await bad.ConnectAsync(new ConnectOptions { Token = "wrong-" + TestGateway.Token });
        }

        await using var admin = await gw.ConnectAdminAsync();
        JsonNode? tail = null;
        for (var i = 0; i < 50; i++)
        {
            tail = (await admin.CallAsync("logs.tail", new JsonObject { ["limit"] = 100 })).Payload;
            if (tail!["lines"]!.AsArray().Count >= 2)
            {
                break;
            }

            await Task.Delay(100, TestContext.Current.CancellationToken);
        }

        var lines = tail!["lines"]!.AsArray().Select(l => JsonNode.Parse((string)l!)!).ToList();
        Assert.Contains(lines, l => ((string)l["message"]!).Contains("client connected", StringComparison.Ordinal));
        Assert.All(lines, l => Assert.NotNull(l["time"]));
        var cursor = (long)tail["cursor"]!;
        var follow = await admin.CallAsync("logs.tail", new JsonObject { ["cursor"] = cursor });
        Assert.True(follow.Ok);
        Assert.True((long)follow.Payload!["cursor"]! >= cursor);
        var invalid = await admin.CallAsync("logs.tail", new JsonObject { ["limit"] = 0 });
        Assert.Equal("INVALID_REQUEST", invalid.ErrorCode);

        foreach (var file in Directory.GetFiles(Path.Combine(gw.StateDir, "logs")))
        {
            var text = await File.ReadAllTextAsync(file, TestContext.Current.CancellationToken);
            Assert.DoesNotContain(TestGateway.Token, text);
        }
    }
}
