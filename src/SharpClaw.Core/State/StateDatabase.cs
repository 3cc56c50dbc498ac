using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;

namespace SharpClaw.Core.State;

/// <summary>
/// The gateway's SQLite database (<c>sharpclaw.db</c> in the state dir), in WAL mode with versioned
/// migrations. Each operation opens a pooled connection; SQLite serialises writers.
/// </summary>
/// <remarks>
/// Durability: by default commits use <c>synchronous=NORMAL</c> — a committed transaction is in the WAL (in the
/// operating system's hands) before the call returns, so it survives a kill -9 or any crash of the gateway process,
/// and the database can never be corrupted; only a power loss or kernel crash can roll back the last commits
/// (OpenClaw's own JSONL appends have the same property). The constructor flag (environment
/// <c>SHARPCLAW_FSYNC_COMMITS=1</c>) makes every commit wait for the disk as well, at about 0.5 ms per commit.
/// </remarks>
public sealed class StateDatabase
{
    private readonly string _connectionString;
    private readonly string _connectionPragmas;

    // Native connections (kept open by the pool across Open/Close) that already have the pragmas above: the pragmas
    // are per-connection state, so a reused pooled connection needs no second round of three statements.
    private readonly ConditionalWeakTable<SQLitePCL.sqlite3, object> _configured = new();

    public StateDatabase(string path, bool fsyncEveryCommit = false)
    {
        Path = path;
        FsyncEveryCommit = fsyncEveryCommit;
        _connectionPragmas = "PRAGMA busy_timeout=5000; PRAGMA foreign_keys=ON; PRAGMA synchronous=" + (fsyncEveryCommit ? "FULL;" : "NORMAL;");
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = true,
            DefaultTimeout = 30,
        }.ToString();
    }

    public string Path { get; }

    /// <summary>Enter before opening a write transaction (see <see cref="WriteGate"/>).</summary>
    public WriteGate Writes { get; } = new();

    /// <summary>Whether every commit is fsynced (synchronous=FULL) rather than only handed to the OS.</summary>
    public bool FsyncEveryCommit { get; }

    public int SchemaVersion { get; private set; }

    /// <summary>Creates the file (mode 600), switches to WAL and applies pending migrations in order.</summary>
    public async Task InitializeAsync(IReadOnlyList<Migration> migrations, TimeProvider timeProvider, CancellationToken cancellationToken = default)
    {
        if (!File.Exists(Path) && !OperatingSystem.IsWindows())
        {
            await using (new FileStream(Path, new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite }))
            {
            }
        }

        await using var conn = await OpenAsync(cancellationToken);
        await ExecuteAsync(conn, "PRAGMA journal_mode=WAL;", cancellationToken);
        await ExecuteAsync(conn, "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at_ms INTEGER NOT NULL);", cancellationToken);
        var current = 0;
        await using (var cmd = conn.CreateCommand())
        {
            cmd.CommandText = "SELECT COALESCE(MAX(version), 0) FROM schema_migrations";
            current = Convert.ToInt32(await cmd.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
        }

        foreach (var migration in migrations.OrderBy(m => m.Version))
        {
            if (migration.Version <= current)
            {
                continue;
            }

            await using var tx = (SqliteTransaction)await conn.BeginTransactionAsync(cancellationToken);
            await using (var cmd = conn.CreateCommand())
            {
                cmd.Transaction = tx;
                cmd.CommandText = migration.Sql;
                await cmd.ExecuteNonQueryAsync(cancellationToken);
            }

            await using (var cmd = conn.CreateCommand())
            {
                cmd.Transaction = tx;
                cmd.CommandText = "INSERT INTO schema_migrations (version, name, applied_at_ms) VALUES ($v, $n, $t)";
                cmd.Parameters.AddWithValue("$v", migration.Version);
                cmd.Parameters.AddWithValue("$n", migration.Name);
                cmd.Parameters.AddWithValue("$t", timeProvider.GetUtcNow().ToUnixTimeMilliseconds());
                await cmd.ExecuteNonQueryAsync(cancellationToken);
            }

            await tx.CommitAsync(cancellationToken);
            current = migration.Version;
        }

        SchemaVersion = current;
    }

    private static readonly object Configured = new();

    public async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken = default)
    {
        var conn = new SqliteConnection(_connectionString);
        await conn.OpenAsync(cancellationToken);
        if (NeedsPragmas(conn))
        {
            await ExecuteAsync(conn, _connectionPragmas, cancellationToken);
            MarkConfigured(conn);
        }

        return conn;
    }

    /// <summary>
    /// The synchronous twin of <see cref="OpenAsync"/> for callers that write under a lock (Microsoft.Data.Sqlite
    /// completes its async methods synchronously anyway); same connection settings.
    /// </summary>
    public SqliteConnection Open()
    {
        var conn = new SqliteConnection(_connectionString);
        conn.Open();
        if (NeedsPragmas(conn))
        {
            using var cmd = conn.CreateCommand();
            cmd.CommandText = _connectionPragmas;
            cmd.ExecuteNonQuery();
            MarkConfigured(conn);
        }

        return conn;
    }

    private bool NeedsPragmas(SqliteConnection conn) => conn.Handle is not { } handle || !_configured.TryGetValue(handle, out _);

    private void MarkConfigured(SqliteConnection conn)
    {
        if (conn.Handle is { } handle)
        {
            _configured.AddOrUpdate(handle, Configured);
        }
    }

    private static async Task ExecuteAsync(SqliteConnection conn, string sql, CancellationToken cancellationToken)
    {
        await using var cmd = conn.CreateCommand();
        cmd.CommandText = sql;
        await cmd.ExecuteNonQueryAsync(cancellationToken);
    }
}
