using System.Text.Json.Nodes;
using SharpClaw.Core.Config;

namespace SharpClaw.Core.Tests.Config;

public sealed class ConfigTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("sharpclaw-config-").FullName;

    private string ConfigPath => Path.Combine(_dir, "sharpclaw.json");

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static JsonObject J(string json5) => (JsonObject)Json5Reader.Parse(json5)!;

    [Fact]
    public void OpenClawStyleConfig_IsValid()
    {
        var issues = ConfigSchema.Validate(J("""
            {
              $schema: "x", meta: { lastTouchedVersion: "2026.9.6" },
              gateway: { mode: "local", port: 18789, bind: "loopback", auth: { mode: "token", token: "abc", rateLimit: { maxAttempts: 10 } },
                         controlUi: { enabled: true, allowedOrigins: ["https://a"] }, trustedProxies: ["10.0.0.0/8"] },
              agents: { defaults: { model: { primary: "anthropic/claude-opus-4-6", fallbacks: ["openai/gpt-5-mini"] }, workspace: "~/w" },
                        entries: { main: { identity: { name: "Claw", emoji: "🦀" }, model: "openai/gpt-5-mini" } } },
              models: { providers: { vllm: { baseUrl: "http://127.0.0.1:8000/v1", apiKey: "k", models: [{ id: "m", contextWindow: 8192 }] } } },
              channels: { telegram: { anything: true } }, session: { reset: { mode: "daily", atHour: 4 } },
              tools: { profile: "coding", deny: ["exec"] }, hooks: { enabled: true, token: "h" }, messages: { queue: { mode: "steer" } },
            }
            """));
        Assert.Empty(issues);
    }

    [Fact]
    public void Validation_ReportsEveryProblem_WithPathReasonAndFix()
    {
        var issues = ConfigSchema.Validate(J("""{ gatway: {}, gateway: { port: 99999, bind: "everywhere", auth: { mode: "tokn" } }, agents: { defaults: { thinkingDefault: 3 } } }"""));
        Assert.Contains(issues, i => i.Path == "gatway" && i.Fix.Contains("gateway", StringComparison.Ordinal));
        Assert.Contains(issues, i => i.Path == "gateway.port" && i.Fix.Contains("65535", StringComparison.Ordinal));
        Assert.Contains(issues, i => i.Path == "gateway.bind" && i.Fix.Contains("loopback", StringComparison.Ordinal));
        Assert.Contains(issues, i => i.Path == "gateway.auth.mode" && i.Fix.Contains("token", StringComparison.Ordinal));
        Assert.Contains(issues, i => i.Path == "agents.defaults.thinkingDefault");
        Assert.True(issues.Count >= 5);
    }

    [Fact]
    public void TokenAndPasswordWithoutMode_IsAnIssue()
    {
        var issues = ConfigSchema.Validate(J("{ gateway: { auth: { token: 'a', password: 'b' } } }"));
        Assert.Contains(issues, i => i.Path == "gateway.auth.mode" && i.Message.Contains("both configured", StringComparison.Ordinal));
    }

    [Fact]
    public void EnvSubstitution_ReplacesEscapesAndReportsMissing()
    {
        var issues = new List<ConfigIssue>();
        var env = new Dictionary<string, string> { ["BASE"] = "http://h", ["KEY"] = "k1" };
        var result = EnvSubstitution.Apply(J("{ a: '${BASE}/v1', b: ['$${KEY}', '${KEY}'], c: '${lower}', d: '${MISSING}' }"), n => env.GetValueOrDefault(n), issues)!;
        Assert.Equal("http://h/v1", (string)result["a"]!);
        Assert.Equal("${KEY}", (string)result["b"]![0]!);
        Assert.Equal("k1", (string)result["b"]![1]!);
        Assert.Equal("${lower}", (string)result["c"]!);
        var issue = Assert.Single(issues);
        Assert.Equal("d", issue.Path);
        Assert.Contains("MISSING", issue.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void MergePatch_MergesDeletesMergesById_AndGuardsArrays()
    {
        var changed = new List<string>();
        var issues = new List<ConfigIssue>();
        var target = J("{ a: { b: 1, c: 2 }, list: [{ id: 'x', v: 1 }, { id: 'y', v: 2 }], plain: [1, 2, 3] }");
        var result = MergePatch.Apply(target, J("{ a: { c: null, d: 3 }, list: [{ id: 'y', v: 20 }, { id: 'z', v: 3 }] }"), new HashSet<string>(), changed, issues)!;
        Assert.Empty(issues);
        Assert.Equal("""{"a":{"b":1,"d":3},"list":[{"id":"x","v":1},{"id":"y","v":20},{"id":"z","v":3}],"plain":[1,2,3]}""", result.ToJsonString());
        var shrink = MergePatch.Apply(target, J("{ plain: [1] }"), new HashSet<string>(), changed, issues);
        Assert.Contains(issues, i => i.Message.Contains("would remove entries", StringComparison.Ordinal));
        issues.Clear();
        var replaced = MergePatch.Apply(target, J("{ plain: [1] }"), new HashSet<string> { "plain" }, changed, issues)!;
        Assert.Empty(issues);
        Assert.Single(replaced["plain"]!.AsArray());
        MergePatch.Apply(target, J("{ '__proto__': { polluted: true } }"), new HashSet<string>(), changed, issues);
        Assert.Contains(issues, i => i.Path == "__proto__");
    }

    [Fact]
    public void Redaction_HidesSecrets_AndSentinelsRoundTrip()
    {
        var current = J("{ gateway: { auth: { token: 'secret-token' } }, models: { providers: { openai: { apiKey: 'sk-123' } } }, hooks: { token: 'h' }, ui: { name: 'x' } }");
        var redacted = ConfigRedactor.Redact(current);
        Assert.DoesNotContain("secret-token", redacted.ToJsonString(), StringComparison.Ordinal);
        Assert.DoesNotContain("sk-123", redacted.ToJsonString(), StringComparison.Ordinal);
        Assert.Equal("x", (string)redacted["ui"]!["name"]!);
        var edited = (JsonObject)redacted.DeepClone();
        edited["ui"]!["name"] = "y";
        var issues = new List<ConfigIssue>();
        ConfigRedactor.RestoreSentinels(edited, current, string.Empty, issues);
        Assert.Empty(issues);
        Assert.Equal("secret-token", (string)edited["gateway"]!["auth"]!["token"]!);
        Assert.Equal("sk-123", (string)edited["models"]!["providers"]!["openai"]!["apiKey"]!);
        var orphan = J($"{{ gateway: {{ auth: {{ password: '{ConfigRedactor.Sentinel}' }} }} }}");
        ConfigRedactor.RestoreSentinels(orphan, current, string.Empty, issues);
        Assert.Contains(issues, i => i.Path == "gateway.auth.password");
    }

    [Fact]
    public async Task Store_InvalidFileAtLoad_ListsEveryIssue()
    {
        await File.WriteAllTextAsync(ConfigPath, "{ gateway: { port: 'x' }, bogus: 1 }", TestContext.Current.CancellationToken);
        var ex = await Assert.ThrowsAsync<ConfigValidationException>(() => ConfigStore.LoadAsync(ConfigPath, _dir, _ => null, TimeProvider.System, TestContext.Current.CancellationToken));
        Assert.Equal(2, ex.Issues.Count);
        Assert.Contains("gateway.port", ex.Message, StringComparison.Ordinal);
        Assert.Equal("{ gateway: { port: 'x' }, bogus: 1 }", await File.ReadAllTextAsync(ConfigPath, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Store_WritesNeedCurrentBaseHash_AndAreAtomicMode600()
    {
        var ct = TestContext.Current.CancellationToken;
        using var store = await ConfigStore.LoadAsync(ConfigPath, _dir, _ => null, TimeProvider.System, ct);
        Assert.Null(store.Current.Hash);
        var first = await store.SetAsync("{ ui: { name: 'a' } }", null, ct);
        Assert.StartsWith("hmac-sha256:v1:", first.Hash, StringComparison.Ordinal);
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(ConfigPath));
        }

        var missing = await Assert.ThrowsAsync<ConfigWriteException>(() => store.SetAsync("{}", null, ct));
        Assert.Equal("config base hash required; re-run config.get and retry", missing.Message);
        var stale = await Assert.ThrowsAsync<ConfigWriteException>(() => store.SetAsync("{}", "hmac-sha256:v1:old", ct));
        Assert.Equal("config changed since last load; re-run config.get and retry", stale.Message);
        var second = await store.PatchAsync("{ ui: { theme: 'dark' } }", first.Hash, null, ct);
        Assert.NotEqual(first.Hash, second.Hash);
        Assert.Equal("dark", (string)store.Current.Parsed["ui"]!["theme"]!);
        var invalid = await Assert.ThrowsAsync<ConfigWriteException>(() => store.SetAsync("{ gateway: { port: -1 } }", second.Hash, ct));
        Assert.NotEmpty(invalid.Issues);
        Assert.Equal(second.Hash, store.Current.Hash);
        var prefs = await store.PatchAsync("{ ui: { prefs: { x: 1 } } }", null, null, ct);
        Assert.Equal(1, (int)prefs.Parsed["ui"]!["prefs"]!["x"]!);
    }

    [Fact]
    public async Task Store_HashIsStableForSameContent()
    {
        var ct = TestContext.Current.CancellationToken;
        await File.WriteAllTextAsync(ConfigPath, "{ ui: {} }", ct);
        using var a = await ConfigStore.LoadAsync(ConfigPath, _dir, _ => null, TimeProvider.System, ct);
        using var b = await ConfigStore.LoadAsync(ConfigPath, _dir, _ => null, TimeProvider.System, ct);
        Assert.Equal(a.Current.Hash, b.Current.Hash);
    }

    [Fact]
    public async Task HotReload_AppliesValidChanges_AndKeepsOldConfigOnInvalid()
    {
        var ct = TestContext.Current.CancellationToken;
        await File.WriteAllTextAsync(ConfigPath, "{ ui: { name: 'one' } }", ct);
        using var store = await ConfigStore.LoadAsync(ConfigPath, _dir, _ => null, TimeProvider.System, ct);
        var changed = new TaskCompletionSource<ConfigSnapshot>(TaskCreationOptions.RunContinuationsAsynchronously);
        var failed = new TaskCompletionSource<IReadOnlyList<ConfigIssue>>(TaskCreationOptions.RunContinuationsAsynchronously);
        store.Changed += s => changed.TrySetResult(s);
        store.ReloadFailed += i => failed.TrySetResult(i);
        store.StartWatching();
        await File.WriteAllTextAsync(ConfigPath, "{ ui: { name: 'two' } }", ct);
        var snap = await changed.Task.WaitAsync(TimeSpan.FromSeconds(10), ct);
        Assert.Equal("two", (string)snap.Parsed["ui"]!["name"]!);
        await File.WriteAllTextAsync(ConfigPath, "{ ui: { name: 'three' }, nonsense: true }", ct);
        var issues = await failed.Task.WaitAsync(TimeSpan.FromSeconds(10), ct);
        Assert.Contains(issues, i => i.Path == "nonsense");
        Assert.Equal("two", (string)store.Current.Parsed["ui"]!["name"]!);
        Assert.NotNull(store.LastReloadError);
    }

    [Fact]
    public void Schema_ExportsJsonSchemaWithSecretsMarked()
    {
        var schema = ConfigSchema.ToJsonSchema();
        Assert.Equal("object", (string)schema["type"]!);
        var token = schema["properties"]!["gateway"]!["properties"]!["auth"]!["properties"]!["token"]!;
        Assert.True((bool)token["x-secret"]!);
        Assert.Equal(18789L, (long)schema["properties"]!["gateway"]!["properties"]!["port"]!["default"]!);
        Assert.True(ConfigSchema.IsSecretPath("models.providers.openai.apiKey"));
        Assert.False(ConfigSchema.IsSecretPath("gateway.port"));
    }
}
