using System.Text.Json.Nodes;
using SharpClaw.Core.Config;
using SharpClaw.Gateway.Hosting;
using SharpClaw.Gateway.Tests.Infrastructure;

namespace SharpClaw.Gateway.Tests.Config;

public sealed class ConfigMethodTests
{
    [Fact]
    public async Task ConfigGet_RedactsSecrets_AndSetRoundTripsSentinels()
    {
        var config = new JsonObject
        {
            ["gateway"] = new JsonObject { ["auth"] = new JsonObject { ["mode"] = "token", ["token"] = TestGateway.Token } },
            ["models"] = new JsonObject { ["providers"] = new JsonObject { ["openai"] = new JsonObject { ["apiKey"] = "sk-live-secret" } } },
        };
        await using var gw = await TestGateway.StartAsync(config);
        await using var admin = await gw.ConnectAdminAsync();
        var get = await admin.CallAsync("config.get");
        var text = get.Payload!.ToJsonString();
        Assert.DoesNotContain(TestGateway.Token, text);
        Assert.DoesNotContain("sk-live-secret", text);
        Assert.Equal(ConfigRedactor.Sentinel, (string)get.Payload!["config"]!["gateway"]!["auth"]!["token"]!);
        var hash = (string)get.Payload!["hash"]!;

        var edited = (JsonObject)get.Payload!["parsed"]!.DeepClone();
        edited["ui"] = new JsonObject { ["theme"] = "dark" };
        var set = await admin.CallAsync("config.set", new JsonObject { ["raw"] = edited.ToJsonString(), ["baseHash"] = hash });
        Assert.True(set.Ok, set.ToString());
        var file = await File.ReadAllTextAsync(Path.Combine(gw.StateDir, "sharpclaw.json"), TestContext.Current.CancellationToken);
        Assert.Contains(TestGateway.Token, file);
        Assert.Contains("sk-live-secret", file);
        Assert.Contains("dark", file);
        var changed = await admin.EventAsync("config.changed");
        Assert.NotNull(changed.Payload!["hash"]);

        var stale = await admin.CallAsync("config.set", new JsonObject { ["raw"] = "{}", ["baseHash"] = hash });
        Assert.Equal("INVALID_REQUEST", stale.ErrorCode);
        Assert.Equal("config changed since last load; re-run config.get and retry", stale.ErrorMessage);
        var missing = await admin.CallAsync("config.patch", new JsonObject { ["raw"] = "{gateway:{port:1234}}" });
        Assert.Contains("base hash required", missing.ErrorMessage);
    }

    [Fact]
    public async Task InvalidWrite_ListsIssues_AndChangesNothing()
    {
        await using var gw = await TestGateway.StartAsync();
        await using var admin = await gw.ConnectAdminAsync();
        var hash = (string?)(await admin.CallAsync("config.get")).Payload!["hash"];
        var res = await admin.CallAsync("config.patch", new JsonObject { ["raw"] = "{ gateway: { port: 'nope', bind: 'moon' } }", ["baseHash"] = hash });
        Assert.Equal("INVALID_REQUEST", res.ErrorCode);
        var issues = res.Error!["details"]!["issues"]!.AsArray();
        Assert.Contains(issues, i => (string)i!["path"]! == "gateway.port");
        Assert.Contains(issues, i => (string)i!["path"]! == "gateway.bind" && ((string)i!["fix"]!).Contains("loopback", StringComparison.Ordinal));
        Assert.Equal(hash, (string?)(await admin.CallAsync("config.get")).Payload!["hash"]);
    }

    [Fact]
    public async Task ConfigWrites_AreRateLimitedTo3Per60s()
    {
        await using var gw = await TestGateway.StartAsync();
        await using var admin = await gw.ConnectAdminAsync();
        for (var i = 0; i < 3; i++)
        {
            var hash = (string?)(await admin.CallAsync("config.get")).Payload!["hash"];
            var ok = await admin.CallAsync("config.patch", new JsonObject { ["raw"] = $"{{ ui: {{ n: {i} }} }}", ["baseHash"] = hash });
            Assert.True(ok.Ok, ok.ToString());
        }

        var last = (string?)(await admin.CallAsync("config.get")).Payload!["hash"];
        var limited = await admin.CallAsync("config.patch", new JsonObject { ["raw"] = "{ ui: { n: 9 } }", ["baseHash"] = last });
        Assert.Equal("UNAVAILABLE", limited.ErrorCode);
        Assert.StartsWith("rate limit exceeded for config.patch", limited.ErrorMessage);
        Assert.True((bool)limited.Error!["retryable"]!);
        Assert.Equal("3 per 60s", (string)limited.Error!["details"]!["limit"]!);
    }

    [Fact]
    public async Task ConfigSchema_IsServed()
    {
        await using var gw = await TestGateway.StartAsync();
        await using var admin = await gw.ConnectAdminAsync();
        var res = await admin.CallAsync("config.schema");
        Assert.Equal("object", (string)res.Payload!["schema"]!["type"]!);
        Assert.NotNull(res.Payload!["schema"]!["properties"]!["gateway"]);
    }

    [Fact]
    public async Task HotReload_ValidEditIsApplied_InvalidEditIsReportedByStatus()
    {
        await using var gw = await TestGateway.StartAsync(new JsonObject { ["ui"] = new JsonObject() });
        await using var admin = await gw.ConnectAdminAsync();
        var path = Path.Combine(gw.StateDir, "sharpclaw.json");
        var original = await File.ReadAllTextAsync(path, TestContext.Current.CancellationToken);
        var doc = (JsonObject)Json5Reader.Parse(original)!;
        doc["ui"] = new JsonObject { ["name"] = "edited" };
        await File.WriteAllTextAsync(path, doc.ToJsonString(), TestContext.Current.CancellationToken);
        await admin.EventAsync("config.changed", TimeSpan.FromSeconds(10));
        Assert.Equal("edited", (string)(await admin.CallAsync("config.get")).Payload!["config"]!["ui"]!["name"]!);

        await File.WriteAllTextAsync(path, "{ this is not json5", TestContext.Current.CancellationToken);
        JsonNode? status = null;
        for (var i = 0; i < 50; i++)
        {
            status = (await admin.CallAsync("status")).Payload;
            if ((string?)status!["config"]!["lastReloadError"] is not null)
            {
                break;
            }

            await Task.Delay(100, TestContext.Current.CancellationToken);
        }

        Assert.False((bool)status!["config"]!["valid"]!);
        Assert.Contains("not valid JSON5", (string)status["config"]!["lastReloadError"]!);
        Assert.True((await admin.CallAsync("health")).Ok);
    }

    [Fact]
    public async Task InvalidConfigAtStart_RefusesWithEveryIssue()
    {
        var dir = TestGateway.NewStateDir();
        await File.WriteAllTextAsync(Path.Combine(dir, "sharpclaw.json"), "{ gateway: { port: 'x', auth: { mode: 'magic' } }, typo: 1 }", TestContext.Current.CancellationToken);
        var ex = await Assert.ThrowsAsync<GatewayStartException>(() => TestGateway.StartAsync(dir: dir));
        Assert.Contains("gateway.port", ex.Message);
        Assert.Contains("gateway.auth.mode", ex.Message);
        Assert.Contains("typo", ex.Message);
        Assert.Contains("nothing was changed", ex.Message);
        Directory.Delete(dir, true);
    }
}
