using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using SharpClaw.Core.State;

namespace SharpClaw.Core.Logging;

/// <summary>
/// Structured JSON-lines log file (<c>&lt;logDir&gt;/sharpclaw-YYYY-MM-DD.log</c>, mode 600): one object per line
/// with time, level, subsystem, message (secrets redacted) and exception. Writes go through a bounded queue
/// drained by one background task, so logging never blocks a request.
/// </summary>
public sealed class JsonLinesLoggerProvider : ILoggerProvider
{
    private readonly Channel<string> _queue = Channel.CreateBounded<string>(new BoundedChannelOptions(10_000) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true });
    private readonly ConcurrentDictionary<string, Logger> _loggers = new(StringComparer.Ordinal);
    private readonly string _dir;
    private readonly TimeProvider _time;
    private readonly LogLevel _minLevel;
    private readonly int _keepFiles;
    private readonly Task _writer;

    public JsonLinesLoggerProvider(string logDir, TimeProvider time, LogLevel minLevel = LogLevel.Information, int keepFiles = 7)
    {
        _dir = logDir;
        _time = time;
        _minLevel = minLevel;
        _keepFiles = keepFiles;
        StatePaths.EnsurePrivateDirectory(logDir);
        _writer = Task.Run(WriteLoopAsync);
    }

    public string CurrentFile => PathFor(_time.GetUtcNow());

    public ILogger CreateLogger(string categoryName) => _loggers.GetOrAdd(categoryName, name => new Logger(this, name));

    public static string FileNameFor(DateTimeOffset now) => $"sharpclaw-{now.UtcDateTime:yyyy-MM-dd}.log";

    private string PathFor(DateTimeOffset now) => Path.Combine(_dir, FileNameFor(now));

    private void Write(string subsystem, LogLevel level, string message, Exception? exception)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>(256);
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartObject();
            w.WriteString("time", _time.GetUtcNow().UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture));
            w.WriteString("level", level switch
            {
                LogLevel.Trace => "trace",
                LogLevel.Debug => "debug",
                LogLevel.Information => "info",
                LogLevel.Warning => "warn",
                LogLevel.Error => "error",
                _ => "fatal",
            });
            w.WriteString("subsystem", subsystem);
            w.WriteString("message", SecretRedactor.Redact(message));
            if (exception is not null)
            {
                w.WriteString("exception", SecretRedactor.Redact(exception.ToString()));
            }

            w.WriteEndObject();
        }

        _queue.Writer.TryWrite(Encoding.UTF8.GetString(buffer.WrittenSpan));
    }

    private async Task WriteLoopAsync()
    {
        string? openPath = null;
        FileStream? stream = null;
        try
        {
            await foreach (var line in _queue.Reader.ReadAllAsync())
            {
                var path = PathFor(_time.GetUtcNow());
                if (path != openPath)
                {
                    if (stream is not null)
                    {
                        await stream.DisposeAsync();
                    }

                    var options = new FileStreamOptions { Mode = FileMode.Append, Access = FileAccess.Write, Share = FileShare.ReadWrite };
                    if (!OperatingSystem.IsWindows())
                    {
                        options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
                    }

                    stream = new FileStream(path, options);
                    openPath = path;
                    Prune();
                }

                var bytes = Encoding.UTF8.GetBytes(line + "\n");
                await stream!.WriteAsync(bytes);
                if (_queue.Reader.Count == 0)
                {
                    await stream.FlushAsync();
                }
            }
        }
        finally
        {
            if (stream is not null)
            {
                await stream.DisposeAsync();
            }
        }
    }

    private void Prune()
    {
        foreach (var old in Directory.GetFiles(_dir, "sharpclaw-*.log").Order(StringComparer.Ordinal).SkipLast(_keepFiles))
        {
            try
            {
                File.Delete(old);
            }
            catch (IOException)
            {
            }
        }
    }

    public void Dispose()
    {
        _queue.Writer.TryComplete();
        _writer.Wait(TimeSpan.FromSeconds(2));
    }

    private sealed class Logger(JsonLinesLoggerProvider owner, string name) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= owner._minLevel && logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
            {
                owner.Write(name, logLevel, formatter(state, exception), exception);
            }
        }
    }
}
