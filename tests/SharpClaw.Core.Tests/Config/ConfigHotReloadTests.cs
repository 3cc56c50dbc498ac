using SharpClaw.Core.Config;
using SharpClaw.Core.State;

namespace SharpClaw.Core.Tests.Config;

public sealed class ConfigHotReloadTests : IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(15);
    private readonly string _dir = Directory.CreateTempSubdirectory("sharpclaw-reload-").FullName;

    private string ConfigPath => Path.Combine(_dir, "sharpclaw.json");

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private async Task<ConfigStore> StartAsync(string text)
    {
        await File.WriteAllTextAsync(ConfigPath, text, Ct);
        var store = await ConfigStore.LoadAsync(ConfigPath, _dir, _ => null, TimeProvider.System, Ct);
        store.StartWatching();
        return store;
    }

    private static async Task PollAsync(Func<bool> condition)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (!condition())
        {
            Assert.True(clock.Elapsed < Timeout, "timed out waiting for the config watcher");
            await Task.Delay(25, Ct);
        }
    }

    [Fact]
    public async Task ValidEdit_IsSwappedIn_AndAnnouncedOnce()
    {
        using var store = await StartAsync("{ ui: { name: 'one' } }");
        var changes = new List<ConfigSnapshot>();
        store.Changed += s => { lock (changes) { changes.Add(s); } };
        await File.WriteAllTextAsync(ConfigPath, "{ ui: { name: 'two' } }", Ct);
        await PollAsync(() => (string?)store.Current.Parsed["ui"]?["name"] == "two");
        await Task.Delay(ConfigStore.DebounceDelay * 3, Ct);
        lock (changes)
        {
            Assert.Single(changes);
        }

        Assert.Null(store.LastReloadError);
    }

    [Fact]
    public async Task AtomicRenameWrite_IsPickedUp()
    {
        using var store = await StartAsync("{ ui: { name: 'one' } }");
        await AtomicFile.WriteAllTextAsync(ConfigPath, "{ ui: { name: 'renamed' } }", Ct);
        await PollAsync(() => (string?)store.Current.Parsed["ui"]?["name"] == "renamed");
    }

    [Fact]
    public async Task InvalidEdit_KeepsTheOldConfig_AndReportsTheIssues()
    {
        using var store = await StartAsync("{ ui: { name: 'one' } }");
        var oldHash = store.Current.Hash;
        var failed = new TaskCompletionSource<IReadOnlyList<ConfigIssue>>(TaskCreationOptions.RunContinuationsAsynchronously);
        var changed = false;
        store.ReloadFailed += i => failed.TrySetResult(i);
        store.Changed += _ => changed = true;
        await File.WriteAllTextAsync(ConfigPath, "{ ui: { name: 'three' }, nonsense: true, gateway: { port: 0 } }", Ct);
        var issues = await failed.Task.WaitAsync(Timeout, Ct);
        Assert.Equal(["nonsense", "gateway.port"], issues.Select(i => i.Path));
        Assert.Equal(oldHash, store.Current.Hash);
        Assert.Equal("one", (string)store.Current.Parsed["ui"]!["name"]!);
        Assert.StartsWith("config reload skipped (invalid config): ", store.LastReloadError, StringComparison.Ordinal);
        Assert.Equal(2, store.LastReloadIssues.Count);
        Assert.False(changed);
        Assert.Equal("{ ui: { name: 'three' }, nonsense: true, gateway: { port: 0 } }", await File.ReadAllTextAsync(ConfigPath, Ct));

        await File.WriteAllTextAsync(ConfigPath, "{ ui: { name: 'four' } }", Ct);
        await PollAsync(() => (string?)store.Current.Parsed["ui"]?["name"] == "four");
        Assert.Null(store.LastReloadError);
    }

    [Fact]
    public async Task SyntaxError_IsReportedAsNotValidJson5()
    {
        using var store = await StartAsync("{ ui: {} }");
        await File.WriteAllTextAsync(ConfigPath, "{ this is not json5", Ct);
        await PollAsync(() => store.LastReloadError is not null);
        Assert.Contains("not valid JSON5", store.LastReloadError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DeletedFile_KeepsTheLastConfig()
    {
        using var store = await StartAsync("{ ui: { name: 'kept' } }");
        File.Delete(ConfigPath);
        await PollAsync(() => store.LastReloadError is not null);
        Assert.Contains("missing", store.LastReloadError, StringComparison.Ordinal);
        Assert.Equal("kept", (string)store.Current.Parsed["ui"]!["name"]!);
    }

    [Fact]
    public async Task OwnWrites_AreNotReannouncedByTheWatcher()
    {
        using var store = await StartAsync("{ ui: {} }");
        var changes = 0;
        store.Changed += _ => Interlocked.Increment(ref changes);
        await store.PatchAsync("{ ui: { name: 'mine' } }", store.Current.Hash, null, Ct);
        await Task.Delay(ConfigStore.DebounceDelay * 4, Ct);
        Assert.Equal(1, Volatile.Read(ref changes));
    }

    [Fact]
    public async Task Dispose_StopsWatching()
    {
        var store = await StartAsync("{ ui: { name: 'one' } }");
        store.Dispose();
        await File.WriteAllTextAsync(ConfigPath, "{ ui: { name: 'two' } }", Ct);
        await Task.Delay(ConfigStore.DebounceDelay * 4, Ct);
        Assert.Equal("one", (string)store.Current.Parsed["ui"]!["name"]!);
        Assert.False(await store.ReloadAsync(Ct));
        await Assert.ThrowsAsync<ObjectDisposedException>(() => store.SetAsync("{}", store.Current.Hash, Ct));
    }
}
