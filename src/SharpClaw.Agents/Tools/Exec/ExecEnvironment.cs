using System.Collections;
using System.Text.RegularExpressions;

namespace SharpClaw.Agents.Tools.Exec;

/// <summary>
/// The environment a command runs with: the gateway's own, minus keys that change how interpreters, loaders
/// and tools behave (<c>LD_*</c>, <c>DYLD_*</c>, <c>BASH_FUNC_*</c>, <c>NODE_OPTIONS</c>, <c>BASH_ENV</c>, …); per-call
/// overrides may not set those nor <c>PATH</c>/<c>HOME</c>-style keys (security-reliability §1.5, openclaw-core §3.7).
/// </summary>
public static partial class ExecEnvironment
{
    public static readonly IReadOnlySet<string> Blocked = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "NODE_OPTIONS", "NODE_PATH", "PYTHONPATH", "PYTHONHOME", "PYTHONSTARTUP", "PYTHONBREAKPOINT", "PERL5OPT", "PERL5LIB", "PERLLIB",
        "RUBYOPT", "RUBYLIB", "BASH_ENV", "ENV", "SHELLOPTS", "BASHOPTS", "PS4", "IFS", "PROMPT_COMMAND", "GIT_DIR", "GIT_EXEC_PATH",
        "GIT_SSL_NO_VERIFY", "GIT_ASKPASS", "GIT_SSH", "GIT_SSH_COMMAND", "GIT_TEMPLATE_DIR", "CC", "CXX", "RUSTC_WRAPPER",
        "CARGO_BUILD_RUSTC_WRAPPER", "JAVA_TOOL_OPTIONS", "JAVA_OPTS", "_JAVA_OPTIONS", "JDK_JAVA_OPTIONS", "DOTNET_STARTUP_HOOKS",
        "DOTNET_ADDITIONAL_DEPS", "CORECLR_PROFILER", "CORECLR_PROFILER_PATH", "CORECLR_ENABLE_PROFILING", "SSLKEYLOGFILE",
        "OPENSSL_CONF", "SHELL", "ZDOTDIR", "EDITOR", "VISUAL", "PAGER", "GCONV_PATH", "HOSTALIASES", "LOCALDOMAIN", "RES_OPTIONS",
        "TMPDIR", "BROWSER", "NPM_CONFIG_PREFIX",
    };

    public static readonly IReadOnlyList<string> BlockedPrefixes = ["LD_", "DYLD_", "BASH_FUNC_", "GIT_CONFIG_", "NPM_CONFIG_", "CARGO_REGISTRIES_"];

    /// <summary>Keys a per-call override may never set even though they are inherited normally.</summary>
    public static readonly IReadOnlySet<string> OverrideOnly = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "PATH", "HOME", "USER", "LOGNAME", "CLASSPATH" };

    public const string DefaultPath = "/usr/local/bin:/usr/bin:/bin";

    public static bool IsBlocked(string key) => Blocked.Contains(key) || BlockedPrefixes.Any(p => key.StartsWith(p, StringComparison.OrdinalIgnoreCase));

    /// <summary>Builds the child environment or throws <see cref="ToolRefusedException"/> for a forbidden override.</summary>
    public static Dictionary<string, string> Build(IReadOnlyDictionary<string, string>? overrides, IDictionary? inherited = null)
    {
        var env = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (DictionaryEntry e in inherited ?? Environment.GetEnvironmentVariables())
        {
            if (e.Key is string k && e.Value is string v && !IsBlocked(k) && ValidKey().IsMatch(k))
            {
                env[k] = v;
            }
        }

        env["PATH"] = env.TryGetValue("PATH", out var path) && path.Length > 0 ? path : DefaultPath;
        foreach (var (k, v) in overrides ?? new Dictionary<string, string>())
        {
            if (!ValidKey().IsMatch(k))
            {
                throw new ToolRefusedException($"Security Violation: invalid non-portable environment variable name '{Escape(k)}' (use letters, digits and _).");
            }

            if (string.Equals(k, "PATH", StringComparison.OrdinalIgnoreCase))
            {
                throw new ToolRefusedException("Security Violation: Custom 'PATH' variable is forbidden during host execution.");
            }

            if (IsBlocked(k) || OverrideOnly.Contains(k))
            {
                throw new ToolRefusedException($"Security Violation: Environment variable '{k}' is forbidden during host execution.");
            }

            if (v.Contains('\0', StringComparison.Ordinal) || v.Length > 32_768)
            {
                throw new ToolRefusedException($"Security Violation: environment variable '{k}' has a NUL byte or is longer than 32768 characters.");
            }

            env[k] = v;
        }

        env["OPENCLAW_SHELL"] = "exec";
        return env;
    }

    private static string Escape(string s) => ApprovalText.Escape(s);

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]*$")]
    private static partial Regex ValidKey();
}
