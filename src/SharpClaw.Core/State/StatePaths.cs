namespace SharpClaw.Core.State;

/// <summary>
/// Where SharpClaw keeps its state: <c>~/.sharpclaw</c> (override <c>OPENCLAW_STATE_DIR</c>) and the config
/// file <c>sharpclaw.json</c> in it (override <c>OPENCLAW_CONFIG_PATH</c>).
/// </summary>
public sealed record StatePaths(string StateDir, string ConfigPath)
{
    public const string StateDirVariable = "OPENCLAW_STATE_DIR";
    public const string ConfigPathVariable = "OPENCLAW_CONFIG_PATH";

    public string DatabasePath => Path.Combine(StateDir, "sharpclaw.db");

    public string LogDir => Path.Combine(StateDir, "logs");

    public string LockPath => Path.Combine(StateDir, "gateway.lock");

    public string IdentityDir => Path.Combine(StateDir, "identity");

    /// <summary>Resolves the paths from the environment (or the given lookup, for tests).</summary>
    public static StatePaths Resolve(Func<string, string?>? env = null)
    {
        env ??= Environment.GetEnvironmentVariable;
        var stateDir = env(StateDirVariable);
        if (string.IsNullOrWhiteSpace(stateDir))
        {
            var home = env("HOME");
            if (string.IsNullOrWhiteSpace(home))
            {
                home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
            }

            stateDir = Path.Combine(home, ".sharpclaw");
        }

        stateDir = Path.GetFullPath(ExpandHome(stateDir, env));
        var configPath = env(ConfigPathVariable);
        configPath = string.IsNullOrWhiteSpace(configPath)
            ? Path.Combine(stateDir, "sharpclaw.json")
            : Path.GetFullPath(ExpandHome(configPath, env));
        return new StatePaths(stateDir, configPath);
    }

    /// <summary>Creates the state directory with mode 700 if it does not exist.</summary>
    public void EnsureStateDir()
    {
        EnsurePrivateDirectory(StateDir);
    }

    public static void EnsurePrivateDirectory(string dir)
    {
        if (!Directory.Exists(dir))
        {
            if (OperatingSystem.IsWindows())
            {
                Directory.CreateDirectory(dir);
            }
            else
            {
                Directory.CreateDirectory(dir, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            }
        }
    }

    private static string ExpandHome(string path, Func<string, string?> env)
    {
        if (path == "~" || path.StartsWith("~/", StringComparison.Ordinal))
        {
            var home = env("HOME") ?? Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
            return home + path[1..];
        }

        return path;
    }
}
