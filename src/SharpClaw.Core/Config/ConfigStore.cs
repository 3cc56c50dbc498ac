using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using SharpClaw.Core.State;

namespace SharpClaw.Core.Config;

/// <summary>
/// Owns the config file. Startup load validates and throws <see cref="ConfigValidationException"/> listing
/// every issue; hot reload (debounced file watching) swaps in a valid change and raises <see cref="Changed"/>,
/// while an invalid one keeps the old snapshot, sets <see cref="LastReloadError"/> and raises
/// <see cref="ReloadFailed"/>. Writes (<c>config.set/patch/apply</c>) follow the <c>baseHash</c> rules, validate
/// before writing, write atomically with mode 600, and are visible in <see cref="Current"/> at once.
/// The user's file is never rewritten or dropped silently.
/// </summary>
public sealed class ConfigStore : IDisposable
{
    public static readonly TimeSpan DebounceDelay = TimeSpan.FromMilliseconds(200);

    private readonly Func<string, string?> _env;
    private readonly ConfigHasher _hasher;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly SemaphoreSlim _lock = new(1, 1);
    private ConfigWatcher? _watcher;
    private ConfigSnapshot _current;
    private ConfigReloadFailure? _failure;
    private volatile bool _disposed;

    private ConfigStore(string path, ConfigHasher hasher, Func<string, string?> env, TimeProvider time, ILogger logger)
    {
        Path = System.IO.Path.GetFullPath(path);
        _hasher = hasher;
        _env = env;
        _time = time;
        _logger = logger;
        _current = new ConfigSnapshot { Path = Path };
    }

    /// <summary>The config file path.</summary>
    public string Path { get; }

    /// <summary>The config in effect (the last valid load or write).</summary>
    public ConfigSnapshot Current => Volatile.Read(ref _current);

    /// <summary>Why the last hot reload was refused (null after a successful load or write).</summary>
    public string? LastReloadError => Volatile.Read(ref _failure)?.Message;

    /// <summary>The issues behind <see cref="LastReloadError"/>.</summary>
    public IReadOnlyList<ConfigIssue> LastReloadIssues => Volatile.Read(ref _failure)?.Issues ?? [];

    /// <summary>Raised once per accepted change (hot reload or write), outside any lock.</summary>
    public event Action<ConfigSnapshot>? Changed;

    /// <summary>Raised when a hot reload is refused; the old snapshot stays in effect.</summary>
    public event Action<IReadOnlyList<ConfigIssue>>? ReloadFailed;

    /// <summary>Loads <see cref="StatePaths.ConfigPath"/> (hash key in <see cref="StatePaths.StateDir"/>).</summary>
    public static Task<ConfigStore> LoadAsync(StatePaths paths, Func<string, string?>? env = null, TimeProvider? time = null, ILogger? logger = null, CancellationToken ct = default)
        => LoadAsync(paths.ConfigPath, paths.StateDir, env ?? Environment.GetEnvironmentVariable, time ?? TimeProvider.System, logger, ct);

    public static Task<ConfigStore> LoadAsync(string path, string stateDir, Func<string, string?> env, TimeProvider time, CancellationToken ct = default)
        => LoadAsync(path, stateDir, env, time, null, ct);

    /// <summary>Loads and validates the file (a missing file = all defaults); throws <see cref="ConfigValidationException"/> listing every problem.</summary>
    public static async Task<ConfigStore> LoadAsync(string path, string stateDir, Func<string, string?> env, TimeProvider time, ILogger? logger, CancellationToken ct = default)
    {
        var hasher = await ConfigHasher.CreateAsync(stateDir, ct);
        var store = new ConfigStore(path, hasher, env, time, logger ?? NullLogger.Instance);
        var snapshot = await store.ReadFileAsync(ct);
        if (!snapshot.Valid)
        {
            throw new ConfigValidationException(store.Path, snapshot.Issues);
        }

        store._current = snapshot;
        return store;
    }

    /// <summary>Parses, resolves and validates <paramref name="raw"/> (null = no file) without touching the file.</summary>
    public ConfigSnapshot Evaluate(string? raw) => ConfigEvaluator.Evaluate(Path, raw, _env, _hasher);

    /// <summary>The file as it is on disk now (may be invalid, may differ from <see cref="Current"/>).</summary>
    public async Task<ConfigSnapshot> ReadFileAsync(CancellationToken ct = default)
        => Evaluate(File.Exists(Path) ? await File.ReadAllTextAsync(Path, ct) : null);

    /// <summary>Starts hot reload: polls the file (see <see cref="ConfigWatcher"/>), debounced by <see cref="DebounceDelay"/>.</summary>
    public void StartWatching()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        _watcher ??= new ConfigWatcher(Path, DebounceDelay, _time, ReloadFromWatcherAsync);
    }

    /// <summary>Re-reads the file; true when a new valid config was swapped in. No-op events (same content) are ignored.</summary>
    public async Task<bool> ReloadAsync(CancellationToken ct = default)
    {
        if (_disposed)
        {
            return false;
        }

        await _lock.WaitAsync(ct);
        ConfigSnapshot next;
        ConfigReloadFailure? failure = null;
        try
        {
            string? raw;
            try
            {
                raw = File.Exists(Path) ? await File.ReadAllTextAsync(Path, ct) : null;
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                failure = new("config reload failed: " + ex.Message, [new ConfigIssue(string.Empty, "the config file could not be read: " + ex.Message, "check the file's permissions")]);
                Volatile.Write(ref _failure, failure);
                return false;
            }

            var current = Current;
            if (raw is null && current.Exists)
            {
                failure = new($"config file {Path} is missing; keeping the last loaded config", [new ConfigIssue(string.Empty, "the config file was removed", "restore the file (or write a new one with config.set); the last loaded config stays in effect")]);
                Volatile.Write(ref _failure, failure);
                return false;
            }

            if (raw is null || (current.Hash is not null && _hasher.Hash(raw) == current.Hash))
            {
                Volatile.Write(ref _failure, null);
                return false;
            }

            next = Evaluate(raw);
            if (!next.Valid)
            {
                failure = new($"config reload skipped (invalid config): {ConfigIssue.Summarize(next.Issues)}", next.Issues);
                Volatile.Write(ref _failure, failure);
                return false;
            }

            Volatile.Write(ref _current, next);
            Volatile.Write(ref _failure, null);
        }
        finally
        {
            _lock.Release();
            if (failure is not null)
            {
                _logger.LogWarning("{Message}", failure.Message);
                Raise(ReloadFailed, failure.Issues);
            }
        }

        _logger.LogInformation("config reloaded from {Path}", Path);
        Raise(Changed, next);
        return true;
    }

    /// <summary><c>config.set</c>: replaces the file with <paramref name="raw"/> (JSON5). The text is kept as written unless redaction sentinels had to be restored.</summary>
    public async Task<ConfigSnapshot> SetAsync(string raw, string? baseHash, CancellationToken ct = default)
        => (await ReplaceAsync(raw, baseHash, ct)).After;

    /// <summary><c>config.apply</c>: like <see cref="SetAsync"/>, and reports whether the change needs a restart.</summary>
    public async Task<ConfigApplyResult> ApplyAsync(string raw, string? baseHash, CancellationToken ct = default)
    {
        var (before, after, written) = await ReplaceAsync(raw, baseHash, ct);
        return new ConfigApplyResult(after, ConfigReloadPlan.For(ConfigDiff.ChangedPaths(before.Resolved, after.Resolved)), !written);
    }

    /// <summary>
    /// <c>config.patch</c>: JSON merge patch (JSON5 text). Without <paramref name="baseHash"/> only leaf changes
    /// below <c>ui.prefs</c> are allowed (last writer wins); removing array entries needs the array in
    /// <paramref name="replacePaths"/>. A patch that changes nothing writes nothing.
    /// </summary>
    public async Task<ConfigSnapshot> PatchAsync(string patchRaw, string? baseHash, IReadOnlyCollection<string>? replacePaths, CancellationToken ct = default)
    {
        var patch = ConfigWriteRules.ParseRaw(patchRaw);
        var (_, after, _) = await WriteAsync(disk => ConfigPatcher.Produce(disk, patch, baseHash, replacePaths), ct);
        return after;
    }

    private Task<(ConfigSnapshot Before, ConfigSnapshot After, bool Written)> ReplaceAsync(string raw, string? baseHash, CancellationToken ct)
    {
        var doc = ConfigWriteRules.ParseRaw(raw);
        return WriteAsync(disk =>
        {
            ConfigWriteRules.CheckBaseHash(disk, baseHash);
            if (ConfigRedactor.ContainsSentinel(doc))
            {
                ConfigWriteRules.RestoreSentinels(doc, disk);
                return ConfigJson.Pretty(doc);
            }

            return raw == disk.Raw ? null : raw;
        }, ct);
    }

    /// <summary>
    /// Under the write lock: reads the file, lets <paramref name="produce"/> check the rules and return the new
    /// text (null = nothing to change), validates it, writes it atomically and publishes it.
    /// </summary>
    private async Task<(ConfigSnapshot Before, ConfigSnapshot After, bool Written)> WriteAsync(Func<ConfigSnapshot, string?> produce, CancellationToken ct)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        await _lock.WaitAsync(ct);
        ConfigSnapshot before;
        ConfigSnapshot next;
        try
        {
            before = await ReadFileAsync(ct);
            var raw = produce(before);
            if (raw is null)
            {
                return (before, Current, false);
            }

            next = Evaluate(raw);
            if (!next.Valid)
            {
                throw new ConfigWriteException($"invalid config: {ConfigIssue.Summarize(next.Issues)}", next.Issues);
            }

            await AtomicFile.WriteAllTextAsync(Path, raw, ct);
            Volatile.Write(ref _current, next);
            Volatile.Write(ref _failure, null);
        }
        finally
        {
            _lock.Release();
        }

        _logger.LogInformation("config written to {Path}", Path);
        Raise(Changed, next);
        return (before, next, true);
    }

    private async Task ReloadFromWatcherAsync()
    {
        try
        {
            await ReloadAsync();
        }
        catch (Exception ex)
        {
            _logger.LogWarning(ex, "config reload failed");
        }
    }

    private void Raise<T>(Action<T>? handlers, T arg)
    {
        if (handlers is null)
        {
            return;
        }

        foreach (var handler in handlers.GetInvocationList().Cast<Action<T>>())
        {
            try
            {
                handler(arg);
            }
            catch (Exception ex)
            {
                _logger.LogError(ex, "a config change handler failed");
            }
        }
    }

    /// <summary>Stops watching. In-flight writes finish; later calls are refused.</summary>
    public void Dispose()
    {
        _disposed = true;
        _watcher?.Dispose();
        _watcher = null;
    }
}
