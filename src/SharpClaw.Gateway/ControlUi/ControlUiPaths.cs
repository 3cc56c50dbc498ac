namespace SharpClaw.Gateway.ControlUi;

/// <summary>
/// Where the built Control UI lives and how its URL prefix is spelled. The asset directory is, in order:
/// <c>gateway.controlUi.root</c>, the <c>SHARPCLAW_CONTROL_UI_ROOT</c> environment variable, then the
/// <c>control-ui</c> folder next to the executable (the build copies <c>ui/dist</c> there).
/// </summary>
internal static class ControlUiPaths
{
    public const string RootEnvironmentVariable = "SHARPCLAW_CONTROL_UI_ROOT";

    public const string BundledFolder = "control-ui";

    public static string ResolveRoot(string? configured, Func<string, string?> environment)
    {
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return Path.GetFullPath(configured);
        }

        if (environment(RootEnvironmentVariable) is { Length: > 0 } fromEnv)
        {
            return Path.GetFullPath(fromEnv);
        }

        return Path.Combine(AppContext.BaseDirectory, BundledFolder);
    }

    /// <summary>Leading slash, no trailing slash; "/" becomes "" (root-mounted).</summary>
    public static string NormalizeBasePath(string? basePath)
    {
        var trimmed = (basePath ?? string.Empty).Trim().Trim('/');
        return trimmed.Length == 0 ? string.Empty : "/" + trimmed;
    }
}
