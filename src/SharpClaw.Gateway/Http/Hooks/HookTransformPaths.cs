using System.Text.Json.Nodes;
using SharpClaw.Gateway.Hosting;

namespace SharpClaw.Gateway.Http.Hooks;

/// <summary>
/// Where JavaScript webhook transforms live (http-surfaces.md §4.5): <c>hooks.transformsDir</c>, by default and at
/// most <c>&lt;configDir&gt;/hooks/transforms</c>, and each mapping's <c>transform.module</c> inside it. A path that
/// leaves that directory (<c>..</c>, an absolute path elsewhere, a symbolic link pointing out) is refused, and so is
/// TypeScript, which the embedded engine cannot run.
/// </summary>
internal static class HookTransformPaths
{
    private static readonly string[] TypeScriptExtensions = [".ts", ".mts", ".cts", ".tsx"];

    /// <summary><c>&lt;configDir&gt;/hooks/transforms</c>, where configDir is the config file's directory.</summary>
    public static string RootFor(string configPath)
        => Path.Combine(Path.GetDirectoryName(Path.GetFullPath(configPath)) ?? Path.GetPathRoot(Path.GetFullPath(configPath))!, "hooks", "transforms");

    /// <summary>The transforms directory: <paramref name="transformsDir"/> resolved against the root (absent = the root).</summary>
    public static string Directory(string? transformsDir, string configPath)
    {
        var root = RootFor(configPath);
        return string.IsNullOrWhiteSpace(transformsDir)
            ? root
            : Contained(root, transformsDir.Trim(), "hooks.transformsDir", allowRoot: true);
    }

    /// <summary>The module file for <paramref name="module"/> inside <paramref name="directory"/>.</summary>
    public static string Module(string directory, string module, string label = "transform.module")
    {
        var trimmed = module.Trim();
        if (TypeScriptExtensions.Contains(Path.GetExtension(trimmed).ToLowerInvariant()))
        {
            throw new HookTransformPathException($"{label} \"{module}\" is TypeScript, which SharpClaw's embedded JavaScript engine cannot run; compile it to JavaScript (for example with tsc or esbuild) and point {label} at the .js file");
        }

        return Contained(directory, trimmed, label, allowRoot: false);
    }

    /// <summary>Start-up refusal (like the hooks token check): every transform path of the enabled hooks config must be usable.</summary>
    public static void Refuse(JsonObject? root, string configPath)
    {
        var settings = HooksSettings.From(root);
        if (!settings.Enabled)
        {
            return;
        }

        try
        {
            var directory = Directory(settings.TransformsDir, configPath);
            for (var i = 0; i < settings.Mappings.Count; i++)
            {
                if (settings.Mappings[i].TransformModule is { } module)
                {
                    Module(directory, module, $"hooks.mappings[{i}].transform.module");
                }
            }
        }
        catch (HookTransformPathException ex)
        {
            throw new GatewayStartException(ex.Message);
        }
    }

    private static string Contained(string directory, string target, string label, bool allowRoot)
    {
        var baseDir = Path.GetFullPath(directory);
        var resolved = Path.GetFullPath(target, baseDir);
        var inside = CanonicalPath.IsInside(baseDir, resolved)
            && CanonicalPath.IsInside(CanonicalPath.Resolve(baseDir), CanonicalPath.Resolve(resolved))
            && (allowRoot || resolved != baseDir);
        return inside
            ? resolved
            : throw new HookTransformPathException($"{label} must be a path inside {baseDir} (no \"..\", no absolute path elsewhere, no symbolic link pointing outside): \"{target}\"; move the file into that directory and use its relative path");
    }
}
