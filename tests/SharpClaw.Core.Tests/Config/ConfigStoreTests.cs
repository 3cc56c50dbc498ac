using System.Text.Json.Nodes;
using SharpClaw.Core.Config;
using SharpClaw.Core.State;
using static SharpClaw.Core.Tests.Config.ConfigTestData;

namespace SharpClaw.Core.Tests.Config;

public sealed class ConfigStoreTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("sharpclaw-config-").FullName;

    private string ConfigPath => Path.Combine(_dir, "sharpclaw.json");

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private Task<ConfigStore> LoadAsync(Func<string, string?>? env = null)
        => ConfigStore.LoadAsync(ConfigPath, _dir, env ?? (_ => null), TimeProvider.System, Ct);

    private async Task<ConfigStore> LoadWithAsync(string text, Func<string, string?>? env = null)
    {
        await File.WriteAllTextAsync(ConfigPath, text, Ct);
        return await LoadAsync(env);
    }

    [Fact]
    public async Task MissingFile_LoadsDefaults_WithNullHash()
    {
        using var store = await LoadAsync();
        Assert.False(store.Current.Exists);
        Assert.Null(store.Current.Hash);
        Assert.Null(store.Current.Raw);
        Assert.True(store.Current.Valid);
        Assert.Empty(store.Current.Parsed);
        Assert.False(File.Exists(ConfigPath));
    }

    [Fact]
    public async Task LoadsFromStatePaths()
    {
        await File.WriteAllTextAsync(ConfigPath, "{ ui: { name: 'p' } }", Ct);
        using var store = await ConfigStore.LoadAsync(new StatePaths(_dir, ConfigPath), _ => null, TimeProvider.System, ct: Ct);
        Assert.Equal("p", (string)store.Current.Resolved["ui"]!["name"]!);
        Assert.Equal(ConfigPath, store.Current.Path);
    }

    [Fact]
    public async Task OpenClawStyleFile_LoadsAsIs()
    {
        using var store = await LoadWithAsync(OpenClawStyle, Env(("OPENROUTER_API_KEY", "or-key")));
        Assert.True(store.Current.Valid, string.Join("\n", store.Current.Issues));
        Assert.Equal("or-key", (string)store.Current.Resolved["models"]!["providers"]!["openrouter"]!["apiKey"]!);
        Assert.IsType<JsonObject>(store.Current.Parsed["models"]!["providers"]!["openrouter"]!["apiKey"]);
        Assert.Equal(OpenClawStyle, await File.ReadAllTextAsync(ConfigPath, Ct));
    }

    [Fact]
    public async Task InvalidFileAtStartup_ThrowsWithEveryIssue_AndLeavesTheFileAlone()
    {
        const string text = "{ gateway: { port: 'x', auth: { mode: 'magic' } }, bogus: 1, ui: { url: '${NOPE}' } }";
        await File.WriteAllTextAsync(ConfigPath, text, Ct);
        var ex = await Assert.ThrowsAsync<ConfigValidationException>(() => LoadAsync());
        Assert.Equal(4, ex.Issues.Count);
        Assert.Equal(ConfigPath, ex.ConfigPath);
        Assert.StartsWith($"Invalid config at {ConfigPath}:\n", ex.Message, StringComparison.Ordinal);
        foreach (var part in (string[])["gateway.port", "gateway.auth.mode", "bogus", "NOPE", "fix:"])
        {
            Assert.Contains(part, ex.Message, StringComparison.Ordinal);
        }

        Assert.Equal(text, await File.ReadAllTextAsync(ConfigPath, Ct));
    }

    [Fact]
    public async Task SyntaxError_IsReportedAtTheRoot()
    {
        await File.WriteAllTextAsync(ConfigPath, "{ gateway: ", Ct);
        var ex = await Assert.ThrowsAsync<ConfigValidationException>(() => LoadAsync());
        var issue = Assert.Single(ex.Issues);
        Assert.Equal(string.Empty, issue.Path);
        Assert.StartsWith("not valid JSON5: ", issue.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EnvSubstitution_AndOverrides_ApplyToResolvedOnly()
    {
        var env = Env(("BASE_URL", "http://10.0.0.2:8000"), (ConfigEnvOverrides.TokenVariable, "env-token"));
        using var store = await LoadWithAsync("{ models: { providers: { x: { baseUrl: '${BASE_URL}/v1', apiKey: '$${LITERAL}' } } } }", env);
        Assert.Equal("http://10.0.0.2:8000/v1", (string)store.Current.Resolved["models"]!["providers"]!["x"]!["baseUrl"]!);
        Assert.Equal("${LITERAL}", (string)store.Current.Resolved["models"]!["providers"]!["x"]!["apiKey"]!);
        Assert.Equal("${BASE_URL}/v1", (string)store.Current.Parsed["models"]!["providers"]!["x"]!["baseUrl"]!);
        Assert.Equal("env-token", (string)store.Current.Resolved["gateway"]!["auth"]!["token"]!);
        Assert.Equal(["gateway.auth.token"], store.Current.EnvOverrides);
        Assert.Null(store.Current.Parsed["gateway"]);
        Assert.DoesNotContain("10.0.0.2", await File.ReadAllTextAsync(ConfigPath, Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ConfigToken_WinsOverEnvToken()
    {
        using var store = await LoadWithAsync("{ gateway: { auth: { token: 'file-token' } } }", Env((ConfigEnvOverrides.TokenVariable, "env-token")));
        Assert.Equal("file-token", (string)store.Current.Resolved["gateway"]!["auth"]!["token"]!);
        Assert.Empty(store.Current.EnvOverrides);
    }

    [Fact]
    public async Task Hash_IsOpaqueStableAndChangesWithContent()
    {
        using var a = await LoadWithAsync("{ ui: {} }");
        using var b = await LoadAsync();
        Assert.Matches("^hmac-sha256:v1:[A-Za-z0-9_-]{43}$", a.Current.Hash!);
        Assert.Equal(a.Current.Hash, b.Current.Hash);
        Assert.NotEqual(a.Current.Hash, a.Evaluate("{ ui: { } }").Hash);
        Assert.True(File.Exists(Path.Combine(_dir, ConfigHasher.KeyFileName)));
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(Path.Combine(_dir, ConfigHasher.KeyFileName)));
        }

        var otherInstall = Directory.CreateTempSubdirectory("sharpclaw-config-other-").FullName;
        try
        {
            using var c = await ConfigStore.LoadAsync(ConfigPath, otherInstall, _ => null, TimeProvider.System, Ct);
            Assert.NotEqual(a.Current.Hash, c.Current.Hash);
        }
        finally
        {
            Directory.Delete(otherInstall, true);
        }
    }

    [Fact]
    public void Hash_FollowsTheDocumentedConstruction()
    {
        var key = Enumerable.Range(0, 32).Select(i => (byte)i).ToArray();
        var hasher = ConfigHasher.FromKey(key);
        const string raw = "{}";
        var digest = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData("{}"u8));
        var mac = System.Security.Cryptography.HMACSHA256.HashData(key, System.Text.Encoding.UTF8.GetBytes($"[\"openclaw.gateway.config-revision.raw.v1\",\"{digest}\"]"));
        Assert.Equal("hmac-sha256:v1:" + System.Buffers.Text.Base64Url.EncodeToString(mac), hasher.Hash(raw));
    }

    [Fact]
    public async Task Set_WithoutFile_NeedsNoHash_WritesAtomicallyWithMode600()
    {
        using var store = await LoadAsync();
        var changes = new List<ConfigSnapshot>();
        store.Changed += changes.Add;
        const string raw = "// my config\n{ ui: { name: 'a' } }\n";
        var snap = await store.SetAsync(raw, null, Ct);
        Assert.StartsWith("hmac-sha256:v1:", snap.Hash, StringComparison.Ordinal);
        Assert.Same(snap, store.Current);
        Assert.Equal(raw, await File.ReadAllTextAsync(ConfigPath, Ct));
        Assert.Single(changes);
        Assert.Equal([ConfigHasher.KeyFileName, "sharpclaw.json"], Directory.GetFiles(_dir).Select(f => Path.GetFileName(f)).Order(StringComparer.Ordinal));
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(ConfigPath));
        }
    }

    [Fact]
    public async Task Set_WhenFileExists_RequiresTheCurrentBaseHash()
    {
        using var store = await LoadWithAsync("{ ui: { name: 'a' } }");
        var missing = await Assert.ThrowsAsync<ConfigWriteException>(() => store.SetAsync("{}", null, Ct));
        Assert.Equal("config base hash required; re-run config.get and retry", missing.Message);
        Assert.Equal("INVALID_REQUEST", missing.Code);
        var stale = await Assert.ThrowsAsync<ConfigWriteException>(() => store.SetAsync("{}", "hmac-sha256:v1:old", Ct));
        Assert.Equal("config changed since last load; re-run config.get and retry", stale.Message);
        Assert.Equal("{ ui: { name: 'a' } }", await File.ReadAllTextAsync(ConfigPath, Ct));
        var ok = await store.SetAsync("{ ui: { name: 'b' } }", store.Current.Hash, Ct);
        Assert.Equal("b", (string)ok.Parsed["ui"]!["name"]!);
    }

    [Fact]
    public async Task Set_IsRefusedWhenTheFileChangedOnDisk()
    {
        using var store = await LoadWithAsync("{ ui: { name: 'a' } }");
        var hash = store.Current.Hash;
        await File.WriteAllTextAsync(ConfigPath, "{ ui: { name: 'edited by hand' } }", Ct);
        var stale = await Assert.ThrowsAsync<ConfigWriteException>(() => store.SetAsync("{}", hash, Ct));
        Assert.Equal(ConfigWriteException.StaleMessage, stale.Message);
        Assert.Contains("edited by hand", await File.ReadAllTextAsync(ConfigPath, Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task InvalidWrite_ListsIssues_AndWritesNothing()
    {
        using var store = await LoadWithAsync("{ ui: {} }");
        var hash = store.Current.Hash;
        var changes = 0;
        store.Changed += _ => changes++;
        var ex = await Assert.ThrowsAsync<ConfigWriteException>(() => store.SetAsync("{ gateway: { port: -1, bind: 'moon' }, typo: 1 }", hash, Ct));
        Assert.Equal(3, ex.Issues.Count);
        Assert.StartsWith("invalid config: ", ex.Message, StringComparison.Ordinal);
        Assert.Equal(hash, store.Current.Hash);
        Assert.Equal("{ ui: {} }", await File.ReadAllTextAsync(ConfigPath, Ct));
        Assert.Equal(0, changes);
        var syntax = await Assert.ThrowsAsync<ConfigWriteException>(() => store.SetAsync("{ nope", hash, Ct));
        Assert.StartsWith("raw is not valid JSON5", syntax.Message, StringComparison.Ordinal);
        var notObject = await Assert.ThrowsAsync<ConfigWriteException>(() => store.SetAsync("[1]", hash, Ct));
        Assert.Equal("raw must be an object", notObject.Message);
        var proto = await Assert.ThrowsAsync<ConfigWriteException>(() => store.SetAsync("{ ui: { '__proto__': {} } }", hash, Ct));
        Assert.Equal("ui.__proto__", Assert.Single(proto.Issues).Path);
    }

    [Fact]
    public async Task Set_RestoresSentinels_FromTheFile()
    {
        var env = Env(("OPENAI_KEY", "sk-from-env"));
        using var store = await LoadWithAsync("{ gateway: { auth: { mode: 'token', token: 'tok-secret' } }, models: { providers: { openai: { apiKey: '${OPENAI_KEY}' } } } }", env);
        var shown = ConfigRedactor.Redact(store.Current.Resolved);
        Assert.Equal(ConfigRedactor.Sentinel, (string)shown["models"]!["providers"]!["openai"]!["apiKey"]!);
        shown["ui"] = new JsonObject { ["theme"] = "dark" };
        var snap = await store.SetAsync(shown.ToJsonString(), store.Current.Hash, Ct);
        var file = await File.ReadAllTextAsync(ConfigPath, Ct);
        Assert.Contains("\"token\": \"tok-secret\"", file, StringComparison.Ordinal);
        Assert.Contains("\"apiKey\": \"${OPENAI_KEY}\"", file, StringComparison.Ordinal);
        Assert.DoesNotContain("sk-from-env", file, StringComparison.Ordinal);
        Assert.DoesNotContain(ConfigRedactor.Sentinel, file, StringComparison.Ordinal);
        Assert.Equal("sk-from-env", (string)snap.Resolved["models"]!["providers"]!["openai"]!["apiKey"]!);

        var orphan = await Assert.ThrowsAsync<ConfigWriteException>(() => store.SetAsync($"{{ gateway: {{ auth: {{ password: '{ConfigRedactor.Sentinel}' }} }} }}", snap.Hash, Ct));
        Assert.Equal("gateway.auth.password", Assert.Single(orphan.Issues).Path);
    }

    [Fact]
    public async Task Set_SentinelForAnEnvOverride_StaysOutOfTheFile()
    {
        using var store = await LoadWithAsync("{ gateway: { auth: { mode: 'token' } } }", Env((ConfigEnvOverrides.TokenVariable, "env-token")));
        var shown = ConfigRedactor.Redact(store.Current.Resolved);
        Assert.Equal(ConfigRedactor.Sentinel, (string)shown["gateway"]!["auth"]!["token"]!);
        var snap = await store.SetAsync(shown.ToJsonString(), store.Current.Hash, Ct);
        var file = J(await File.ReadAllTextAsync(ConfigPath, Ct));
        Assert.Equal("""{"gateway":{"auth":{"mode":"token"}}}""", file.ToJsonString());
        Assert.Equal("env-token", (string)snap.Resolved["gateway"]!["auth"]!["token"]!);
    }

    [Fact]
    public async Task Patch_MergesAndWritesPrettyJson()
    {
        using var store = await LoadWithAsync("{ ui: { name: 'a' }, agents: { list: [{ id: 'main', name: 'M' }] } }");
        var changes = 0;
        store.Changed += _ => changes++;
        var snap = await store.PatchAsync("{ ui: { theme: 'dark', name: null }, agents: { list: [{ id: 'main', workspace: '~/w' }, { id: 'ops' }] } }", store.Current.Hash, null, Ct);
        const string expected = """
            {
              "ui": {
                "theme": "dark"
              },
              "agents": {
                "list": [
                  {
                    "id": "main",
                    "name": "M",
                    "workspace": "~/w"
                  },
                  {
                    "id": "ops"
                  }
                ]
              }
            }

            """;
        Assert.Equal(expected, await File.ReadAllTextAsync(ConfigPath, Ct));
        Assert.Equal(snap.Hash, store.Current.Hash);
        Assert.Equal(1, changes);
    }

    [Fact]
    public async Task Patch_ArrayRemoval_NeedsReplacePaths()
    {
        using var store = await LoadWithAsync("{ gateway: { trustedProxies: ['10.0.0.1', '10.0.0.2'] } }");
        var ex = await Assert.ThrowsAsync<ConfigWriteException>(() => store.PatchAsync("{ gateway: { trustedProxies: ['10.0.0.1'] } }", store.Current.Hash, null, Ct));
        Assert.StartsWith("config.patch would remove entries from array path(s): gateway.trustedProxies", ex.Message, StringComparison.Ordinal);
        var snap = await store.PatchAsync("{ gateway: { trustedProxies: ['10.0.0.1'] } }", store.Current.Hash, ["gateway.trustedProxies"], Ct);
        Assert.Single(snap.Parsed["gateway"]!["trustedProxies"]!.AsArray());
    }

    [Fact]
    public async Task Patch_WithoutBaseHash_OnlyForUiPrefs()
    {
        using var store = await LoadWithAsync("{ ui: { prefs: { theme: 'claw', chatFollowUpMode: 'queue' } } }");
        var snap = await store.PatchAsync("{ ui: { prefs: { theme: 'knot', chatFollowUpMode: null } } }", null, null, Ct);
        Assert.Equal("""{"theme":"knot"}""", snap.Parsed["ui"]!["prefs"]!.ToJsonString());

        var guarded = await Assert.ThrowsAsync<ConfigWriteException>(() => store.PatchAsync("{ gateway: { port: 1234 } }", null, null, Ct));
        Assert.Equal(ConfigWriteException.BaseHashRequiredMessage, guarded.Message);
        var container = await Assert.ThrowsAsync<ConfigWriteException>(() => store.PatchAsync("{ ui: { prefs: null } }", null, null, Ct));
        Assert.Contains("base hash required", container.Message, StringComparison.Ordinal);
        var stale = await Assert.ThrowsAsync<ConfigWriteException>(() => store.PatchAsync("{ gateway: { port: 1234 } }", "hmac-sha256:v1:old", null, Ct));
        Assert.Equal(ConfigWriteException.StaleMessage, stale.Message);
    }

    [Fact]
    public async Task Patch_ThatChangesNothing_IsANoop()
    {
        using var store = await LoadWithAsync("{ ui: { prefs: { theme: 'knot' } } }");
        var changes = 0;
        store.Changed += _ => changes++;
        var before = store.Current;
        var snap = await store.PatchAsync("{ ui: { prefs: { theme: 'knot' } } }", null, null, Ct);
        Assert.Same(before, snap);
        Assert.Equal(0, changes);
        Assert.Equal("{ ui: { prefs: { theme: 'knot' } } }", await File.ReadAllTextAsync(ConfigPath, Ct));
    }

    [Fact]
    public async Task Patch_RefusesPrototypeKeys_AndSentinelsRoundTrip()
    {
        using var store = await LoadWithAsync("{ hooks: { enabled: true, token: 'hook-secret' } }");
        var proto = await Assert.ThrowsAsync<ConfigWriteException>(() => store.PatchAsync("{ hooks: { constructor: { x: 1 } } }", store.Current.Hash, null, Ct));
        Assert.Equal("hooks.constructor", Assert.Single(proto.Issues).Path);
        var snap = await store.PatchAsync($"{{ hooks: {{ token: '{ConfigRedactor.Sentinel}', path: '/in' }} }}", store.Current.Hash, null, Ct);
        Assert.Equal("hook-secret", (string)snap.Parsed["hooks"]!["token"]!);
        Assert.Equal("/in", (string)snap.Parsed["hooks"]!["path"]!);
    }

    [Fact]
    public async Task Patch_OnAnUnparseableFile_IsRefused()
    {
        using var store = await LoadWithAsync("{ ui: {} }");
        await File.WriteAllTextAsync(ConfigPath, "{ broken", Ct);
        var disk = await store.ReadFileAsync(Ct);
        var ex = await Assert.ThrowsAsync<ConfigWriteException>(() => store.PatchAsync("{ ui: { a: 1 } }", disk.Hash, null, Ct));
        Assert.Contains("cannot be parsed", ex.Message, StringComparison.Ordinal);
        Assert.Equal("{ broken", await File.ReadAllTextAsync(ConfigPath, Ct));
        var fixedSnap = await store.SetAsync("{ ui: { a: 1 } }", disk.Hash, Ct);
        Assert.True(fixedSnap.Valid);
    }

    [Fact]
    public async Task Apply_ReportsRestartHint()
    {
        using var store = await LoadWithAsync("{ gateway: { port: 18789 }, ui: { name: 'a' } }");
        var hot = await store.ApplyAsync("{ gateway: { port: 18789 }, ui: { name: 'b' }, tools: { deny: ['exec'] } }", store.Current.Hash, Ct);
        Assert.False(hot.RestartRequired);
        Assert.False(hot.Noop);
        Assert.Equal(["ui.name", "tools"], hot.Plan.ChangedPaths);
        var restart = await store.ApplyAsync("{ gateway: { port: 18790 }, ui: { name: 'b' }, tools: { deny: ['exec'] } }", hot.Snapshot.Hash, Ct);
        Assert.True(restart.RestartRequired);
        Assert.Equal(["gateway.port"], restart.Plan.RestartPaths);
        Assert.Contains("gateway.port", restart.Plan.Reason, StringComparison.Ordinal);
        var noop = await store.ApplyAsync(await File.ReadAllTextAsync(ConfigPath, Ct), restart.Snapshot.Hash, Ct);
        Assert.True(noop.Noop);
        Assert.Empty(noop.Plan.ChangedPaths);
    }

    [Theory]
    [InlineData("gateway.port", ReloadKind.Restart)]
    [InlineData("gateway.auth.token", ReloadKind.Restart)]
    [InlineData("gateway.auth.rateLimit.maxAttempts", ReloadKind.Hot)]
    [InlineData("gateway.controlUi.allowedOrigins", ReloadKind.Hot)]
    [InlineData("gateway.reload.mode", ReloadKind.None)]
    [InlineData("agents.entries.main.model", ReloadKind.Hot)]
    [InlineData("agents.something", ReloadKind.None)]
    [InlineData("plugins.installs.x.installedAt", ReloadKind.None)]
    [InlineData("ui.prefs.theme", ReloadKind.None)]
    [InlineData("unknownRoot.x", ReloadKind.Restart)]
    public void ReloadRules_LongestPrefixWins(string path, ReloadKind kind) => Assert.Equal(kind, ConfigReloadPlan.Classify(path));

    [Fact]
    public async Task ChangedHandlerFailure_DoesNotFailTheWrite()
    {
        using var store = await LoadAsync();
        var second = false;
        store.Changed += _ => throw new InvalidOperationException("boom");
        store.Changed += _ => second = true;
        await store.SetAsync("{}", null, Ct);
        Assert.True(second);
    }
}
