namespace SharpClaw.Core.Config;

/// <summary>
/// Watches one file through its directory (editors often write a temp file and rename it over the target)
/// and calls back once the churn has settled for <c>debounce</c>.
/// </summary>
internal sealed class ConfigWatcher : IDisposable
{
    private readonly FileSystemWatcher _watcher;
    private readonly ITimer _timer;
    private readonly string _fileName;
    private readonly TimeSpan _debounce;

    public ConfigWatcher(string path, TimeSpan debounce, TimeProvider time, Func<Task> onSettled)
    {
        var full = System.IO.Path.GetFullPath(path);
        var dir = System.IO.Path.GetDirectoryName(full)!;
        State.StatePaths.EnsurePrivateDirectory(dir);
        _fileName = System.IO.Path.GetFileName(full);
        _debounce = debounce;
        _timer = time.CreateTimer(_ => _ = onSettled(), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        _watcher = new FileSystemWatcher(dir)
        {
            NotifyFilter = NotifyFilters.LastWrite | NotifyFilters.FileName | NotifyFilters.Size | NotifyFilters.CreationTime,
            IncludeSubdirectories = false,
        };
        _watcher.Changed += OnEvent;
        _watcher.Created += OnEvent;
        _watcher.Deleted += OnEvent;
        _watcher.Renamed += (_, e) =>
        {
            if (IsTarget(e.Name) || IsTarget(e.OldName))
            {
                Poke();
            }
        };
        _watcher.Error += (_, _) => Poke();
        _watcher.EnableRaisingEvents = true;
    }

    private void OnEvent(object sender, FileSystemEventArgs e)
    {
        if (IsTarget(e.Name))
        {
            Poke();
        }
    }

    private bool IsTarget(string? name) => string.Equals(name, _fileName, StringComparison.Ordinal);

    private void Poke() => _timer.Change(_debounce, Timeout.InfiniteTimeSpan);

    public void Dispose()
    {
        _watcher.EnableRaisingEvents = false;
        _watcher.Dispose();
        _timer.Dispose();
    }
}
