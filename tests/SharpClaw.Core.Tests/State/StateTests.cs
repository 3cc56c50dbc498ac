using SharpClaw.Core.State;

namespace SharpClaw.Core.Tests.State;

public sealed class StateTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("sharpclaw-core-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void Paths_DefaultToHomeAndHonourOverrides()
    {
        var d = StatePaths.Resolve(n => n == "HOME" ? "/home/u" : null);
        Assert.Equal("/home/u/.sharpclaw", d.StateDir);
        Assert.Equal("/home/u/.sharpclaw/sharpclaw.json", d.ConfigPath);
        var o = StatePaths.Resolve(n => n switch { "HOME" => "/home/u", "OPENCLAW_STATE_DIR" => "~/state", "OPENCLAW_CONFIG_PATH" => "/etc/sc.json5", _ => null });
        Assert.Equal("/home/u/state", o.StateDir);
        Assert.Equal("/etc/sc.json5", o.ConfigPath);
        Assert.Equal("/home/u/state/sharpclaw.db", o.DatabasePath);
    }

    [Fact]
    public async Task AtomicWrite_ReplacesContentWithMode600AndLeavesNoTempFiles()
    {
        var path = Path.Combine(_dir, "sub", "file.json");
        await AtomicFile.WriteAllTextAsync(path, "one", TestContext.Current.CancellationToken);
        await AtomicFile.WriteAllTextAsync(path, "two", TestContext.Current.CancellationToken);
        Assert.Equal("two", await File.ReadAllTextAsync(path, TestContext.Current.CancellationToken));
        Assert.Single(Directory.GetFiles(Path.GetDirectoryName(path)!));
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(Path.GetDirectoryName(path)!));
        }
    }

    [Fact]
    public async Task Database_AppliesMigrationsOnceInOrder_InWalMode()
    {
        var db = new StateDatabase(Path.Combine(_dir, "t.db"));
        Migration[] migrations = [new(1, "a", "CREATE TABLE a (x INTEGER);"), new(2, "b", "CREATE TABLE b (y INTEGER);")];
        await db.InitializeAsync(migrations, TimeProvider.System, TestContext.Current.CancellationToken);
        Assert.Equal(2, db.SchemaVersion);
        await db.InitializeAsync([.. migrations, new(3, "c", "ALTER TABLE a ADD COLUMN z TEXT;")], TimeProvider.System, TestContext.Current.CancellationToken);
        Assert.Equal(3, db.SchemaVersion);
        await using var conn = await db.OpenAsync(TestContext.Current.CancellationToken);
        await using var cmd = conn.CreateCommand();
        cmd.CommandText = "PRAGMA journal_mode";
        Assert.Equal("wal", (string?)await cmd.ExecuteScalarAsync(TestContext.Current.CancellationToken));
        cmd.CommandText = "SELECT COUNT(*) FROM schema_migrations";
        Assert.Equal(3L, (long)(await cmd.ExecuteScalarAsync(TestContext.Current.CancellationToken))!);
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(db.Path));
        }
    }

    [Fact]
    public async Task FailedMigration_RollsBack()
    {
        var db = new StateDatabase(Path.Combine(_dir, "f.db"));
        await db.InitializeAsync([new(1, "a", "CREATE TABLE a (x INTEGER);")], TimeProvider.System, TestContext.Current.CancellationToken);
        await Assert.ThrowsAnyAsync<Exception>(() => db.InitializeAsync([new(1, "a", "x"), new(2, "bad", "CREATE TABLE b (y); THIS IS NOT SQL;")], TimeProvider.System, TestContext.Current.CancellationToken));
        var again = new StateDatabase(Path.Combine(_dir, "f.db"));
        await again.InitializeAsync([new(1, "a", "x")], TimeProvider.System, TestContext.Current.CancellationToken);
        Assert.Equal(1, again.SchemaVersion);
    }
}
