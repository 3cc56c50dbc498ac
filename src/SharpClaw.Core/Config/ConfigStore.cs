using System.Text.Json;
using System.Text.Json.Nodes;
using SharpClaw.Core.State;

namespace SharpClaw.Core.Config;

/// <summary>
/// Owns the config file: load + validate, hot reload on file changes (debounced; a valid change is swapped
/// in and announced, an invalid one keeps the old config and records the error), and the writes behind
/// <c>config.set/patch/apply</c> with <c>baseHash</c> optimistic concurrency and atomic mode-600 writes.
/// The user's file is never rewritten or dropped silently.
/// </summary>
public sealed class ConfigStore : IDisposable
{
    private static readonly JsonSerializerOptions Pretty = new() { WriteIndented = true };
    private readonly Func<string, string?> _env;
    private readonly ConfigHasher _hasher;
    private readonly SemaphoreSlim _writeLock = new(1, 1);
    private readonly TimeProvider _time;
    private FileSystemWatcher? _watcher;
    private ITimer? _debounce;
    private ConfigSnapshot _current;

    private ConfigStore(string path, string stateDir, Func<string, string?> env, TimeProvider time, ConfigSnapshot initial)
    {
        Path = path;
        _env = env;
        _time = time;
        _hasher = new ConfigHasher(stateDir);
        _current = initial;
    }

    public string Path { get; }

    public ConfigSnapshot Current => Volatile.Read(ref _current);

    /// <summary>Set when the last hot reload was refused (null once a valid config is loaded again).</summary>
    public string? LastReloadError { get; private set; }

    public event Action<ConfigSnapshot>? Changed;

    public event Action<IReadOnlyList<ConfigIssue>>? ReloadFailed;

    /// <summary>Loads and validates the config; throws <see cref="ConfigValidationException"/> listing every problem.</summary>
    public static async Task<ConfigStore> LoadAsync(string path, string stateDir, Func<string, string?> env, TimeProvider time, CancellationToken ct = default)
    {
        var store = new ConfigStore(path, stateDir, env, time, new ConfigSnapshot { Path = path });
        var snapshot = await store.ReadAsync(ct);
        if (!snapshot.Valid)
        {
            throw new ConfigValidationException(path, snapshot.Issues);
        }

        store._current = snapshot;
        return store;
    }

    /// <summary>Parses and validates JSON5 text without touching the file.</summary>
    public ConfigSnapshot Evaluate(string? raw)
    {
        var issues = new List<ConfigIssue>();
        JsonObject parsed = [];
        if (raw is not null)
        {
            try
            {
                parsed = Json5Reader.Parse(raw) as JsonObject ?? throw new Json5Exception("the top level must be an object", 1, 1);
            }
            catch (Json5Exception ex)
            {
                issues.Add(new ConfigIssue(string.Empty, "not valid JSON5: " + ex.Message, "fix the syntax at that position"));
            }
        }

        issues.AddRange(ConfigSchema.Validate(parsed));
        var resolved = (JsonObject?)EnvSubstitution.Apply(parsed, _env, issues) ?? [];
        return new ConfigSnapshot
        {
            Path = Path,
            Exists = raw is not null,
            Raw = raw,
            Parsed = parsed,
            Resolved = resolved,
            Hash = raw is null ? null : _hasher.Hash(raw),
            Issues = issues,
        };
    }

    private async Task<ConfigSnapshot> ReadAsync(CancellationToken ct)
        => Evaluate(File.Exists(Path) ? await File.ReadAllTextAsync(Path, ct) : null);

    /// <summary>Starts watching the file for external edits (debounced 300 ms).</summary>
    public void StartWatching()
    {
        var dir = System.IO.Path.GetDirectoryName(Path)!;
        Directory.CreateDirectory(dir);
        _debounce = _time.CreateTimer(_ => _ = ReloadAsync(), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        _watcher = new FileSystemWatcher(dir, System.IO.Path.GetFileName(Path))
        {
            NotifyFilter = NotifyFilters.LastWrite | NotifyFilters.FileName | NotifyFilters.Size | NotifyFilters.CreationTime,
            EnableRaisingEvents = true,
        };
        _watcher.Changed += (_, _) => Poke();
        _watcher.Created += (_, _) => Poke();
        _watcher.Renamed += (_, _) => Poke();
        _watcher.Deleted += (_, _) => Poke();
    }

    private void Poke() => _debounce?.Change(TimeSpan.FromMilliseconds(300), Timeout.InfiniteTimeSpan);

    /// <summary>Re-reads the file; returns true when a new valid config was applied.</summary>
    public async Task<bool> ReloadAsync(CancellationToken ct = default)
    {
        await _writeLock.WaitAsync(ct);
        try
        {
            var next = await ReadAsync(ct);
            if (next.Raw == Current.Raw)
            {
                return false;
            }

            if (!next.Valid)
            {
                LastReloadError = $"config reload skipped (invalid config): {string.Join("; ", next.Issues.Take(5))}";
                ReloadFailed?.Invoke(next.Issues);
                return false;
            }

            LastReloadError = null;
            Volatile.Write(ref _current, next);
        }
        catch (IOException ex)
        {
            LastReloadError = "config reload failed: " + ex.Message;
            return false;
        }
        finally
        {
            _writeLock.Release();
        }

        Changed?.Invoke(Current);
        return true;
    }

    /// <summary><c>config.set</c> / <c>config.apply</c>: replace the file with <paramref name="raw"/> (JSON5).</summary>
    public Task<ConfigSnapshot> SetAsync(string raw, string? baseHash, CancellationToken ct = default)
        => WriteAsync(baseHash, null, current =>
        {
            var issues = new List<ConfigIssue>();
            var incoming = Parse(raw);
            ConfigRedactor.RestoreSentinels(incoming, current.Parsed, string.Empty, issues);
            Throw(issues);
            return incoming.ToJsonString(Pretty) + "\n";
        }, ct);

    /// <summary><c>config.patch</c>: JSON merge patch; without <paramref name="baseHash"/> only <c>ui.prefs</c> paths.</summary>
    public Task<ConfigSnapshot> PatchAsync(string patchRaw, string? baseHash, IReadOnlyCollection<string>? replacePaths, CancellationToken ct = default)
    {
        var patch = Parse(patchRaw);
        var changed = new List<string>();
        var issues = new List<ConfigIssue>();
        MergePatch.Apply(Current.Parsed, patch, new HashSet<string>(replacePaths ?? [], StringComparer.Ordinal), changed, issues);
        var lastWriterWins = changed.Count > 0 && changed.All(p => p.StartsWith("ui.prefs", StringComparison.Ordinal));
        return WriteAsync(baseHash, lastWriterWins ? changed : null, current =>
        {
            var innerChanged = new List<string>();
            var innerIssues = new List<ConfigIssue>();
            ConfigRedactor.RestoreSentinels(patch, current.Parsed, string.Empty, innerIssues);
            var merged = MergePatch.Apply(current.Parsed, patch, new HashSet<string>(replacePaths ?? [], StringComparer.Ordinal), innerChanged, innerIssues);
            Throw(innerIssues);
            return merged!.ToJsonString(Pretty) + "\n";
        }, ct);
    }

    private async Task<ConfigSnapshot> WriteAsync(string? baseHash, IReadOnlyList<string>? hashOptionalPaths, Func<ConfigSnapshot, string> produce, CancellationToken ct)
    {
        await _writeLock.WaitAsync(ct);
        ConfigSnapshot next;
        try
        {
            var current = await ReadAsync(ct);
            if (current.Exists && hashOptionalPaths is null)
            {
                if (string.IsNullOrEmpty(baseHash))
                {
                    throw new ConfigWriteException("config base hash required; re-run config.get and retry");
                }

                if (!string.Equals(baseHash, current.Hash, StringComparison.Ordinal))
                {
                    throw new ConfigWriteException("config changed since last load; re-run config.get and retry");
                }
            }
            else if (current.Exists && baseHash is not null && !string.Equals(baseHash, current.Hash, StringComparison.Ordinal))
            {
                throw new ConfigWriteException("config changed since last load; re-run config.get and retry");
            }

            var raw = produce(current);
            next = Evaluate(raw);
            if (!next.Valid)
            {
                throw new ConfigWriteException($"invalid config: {string.Join("; ", next.Issues.Take(5))}", next.Issues);
            }

            await AtomicFile.WriteAllTextAsync(Path, raw, ct);
            LastReloadError = null;
            Volatile.Write(ref _current, next);
        }
        finally
        {
            _writeLock.Release();
        }

        Changed?.Invoke(next);
        return next;
    }

    private static JsonObject Parse(string raw)
    {
        try
        {
            return Json5Reader.Parse(raw) as JsonObject ?? throw new ConfigWriteException("config must be a JSON5 object");
        }
        catch (Json5Exception ex)
        {
            throw new ConfigWriteException("raw is not valid JSON5: " + ex.Message);
        }
    }

    private static void Throw(List<ConfigIssue> issues)
    {
        if (issues.Count > 0)
        {
            throw new ConfigWriteException(string.Join("; ", issues.Select(i => $"{i.Path}: {i.Message}")), issues);
        }
    }

    public void Dispose()
    {
        _watcher?.Dispose();
        _debounce?.Dispose();
        _writeLock.Dispose();
    }
}
