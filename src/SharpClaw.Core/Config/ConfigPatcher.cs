using System.Text.Json.Nodes;

namespace SharpClaw.Core.Config;

/// <summary>The <c>config.patch</c> rules (ws-protocol §11) applied to the file as it is on disk.</summary>
internal static class ConfigPatcher
{
    /// <summary>
    /// Checks the base hash (or the hash-free <c>ui.prefs</c> exception), restores sentinels, merges, and
    /// refuses array entry removals outside <paramref name="replacePaths"/>. Returns the new file text, or
    /// null when the patch changes nothing. Throws <see cref="ConfigWriteException"/>.
    /// </summary>
    public static string? Produce(ConfigSnapshot disk, JsonObject patch, string? baseHash, IReadOnlyCollection<string>? replacePaths)
    {
        var hashFree = string.IsNullOrWhiteSpace(baseHash);
        if (disk.Exists && disk.Parsed.Count == 0 && disk.Issues.Any(i => i.Path.Length == 0))
        {
            throw new ConfigWriteException("the config file cannot be parsed; fix it, or replace it with config.set / config.apply", disk.Issues);
        }

        if (!hashFree)
        {
            ConfigWriteRules.CheckBaseHash(disk, baseHash);
        }
        else if (disk.Exists && !ConfigWriteRules.IsNestedPrefs(patch))
        {
            throw new ConfigWriteException(ConfigWriteException.BaseHashRequiredMessage);
        }

        var incoming = (JsonObject)patch.DeepClone();
        if (ConfigRedactor.ContainsSentinel(incoming))
        {
            ConfigWriteRules.RestoreSentinels(incoming, disk);
        }

        var result = MergePatch.Apply(disk.Parsed, incoming, replacePaths);
        if (result.RemovedArrayPaths.Count > 0)
        {
            var paths = string.Join(", ", result.RemovedArrayPaths);
            throw new ConfigWriteException(
                $"config.patch would remove entries from array path(s): {paths}. Pass replacePaths with the exact path(s) when this is intentional, or use config.apply for full-config replacement.",
                [.. result.RemovedArrayPaths.Select(p => new ConfigIssue(p, "entries would be removed from this array", $"add \"{p}\" to replacePaths to replace the array"))]);
        }

        var changed = ConfigDiff.ChangedPaths(disk.Parsed, result.Merged);
        if (hashFree && disk.Exists)
        {
            var guarded = changed.Where(p => p == ConfigWriteRules.PrefsPath || !ConfigPath.IsAtOrUnder(p, ConfigWriteRules.PrefsPath)).ToList();
            if (guarded.Count > 0)
            {
                throw new ConfigWriteException($"config base hash required for {string.Join(", ", guarded)}; re-run config.get and retry with baseHash");
            }
        }

        return changed.Count == 0 ? null : ConfigJson.Pretty(result.Merged);
    }
}
