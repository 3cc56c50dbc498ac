using System.Collections;
using System.Text.RegularExpressions;

namespace SharpClaw.Agents.Tools.Exec;

/// <summary>
/// The environment a command runs with: the gateway's own, minus keys that change how interpreters, loaders
/// and tools behave (<c>LD_*</c>, <c>DYLD_*</c>, <c>BASH_FUNC_*</c>, <c>NODE_OPTIONS</c>, <c>BASH_ENV</c>, …); per-call
/// overrides may not set those nor credential, proxy, trust-store and tool-home keys (security-reliability §1.5,
/// openclaw-core §3.7). The lists live in <see cref="DangerousEnvironmentKeys"/>.
/// </summary>
public static partial class ExecEnvironment
{
    /// <summary>Removed from the inherited environment and refused as overrides (see <see cref="DangerousEnvironmentKeys"/>).</summary>
    public static IReadOnlySet<string> Blocked => DangerousEnvironmentKeys.Everywhere;

    public static IReadOnlyList<string> BlockedPrefixes => DangerousEnvironmentKeys.EverywherePrefixes;

    /// <summary>Keys a per-call override may never set even though they are inherited normally.</summary>
    public static IReadOnlySet<string> OverrideOnly => DangerousEnvironmentKeys.OverrideOnly;

    public const string DefaultPath = "/usr/local/bin:/usr/bin:/bin";

    public static bool IsBlocked(string key) => Blocked.Contains(key) || HasPrefix(key, BlockedPrefixes);

    /// <summary>True when a per-call override may not set <paramref name="key"/>.</summary>
    public static bool IsForbiddenOverride(string key)
        => IsBlocked(key) || OverrideOnly.Contains(key) || HasPrefix(key, DangerousEnvironmentKeys.OverrideOnlyPrefixes);

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

            if (IsForbiddenOverride(k))
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

    private static bool HasPrefix(string key, IReadOnlyList<string> prefixes) => prefixes.Any(p => key.StartsWith(p, StringComparison.OrdinalIgnoreCase));

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]*$")]
    private static partial Regex ValidKey();
}
