using System.Text.Json.Nodes;

namespace SharpClaw.Core.Config;

/// <summary>The checks behind <c>config.set/patch/apply</c> (ws-protocol §11): base hash, raw parsing, sentinels, blocked keys.</summary>
internal static class ConfigWriteRules
{
    public const string PrefsPath = "ui.prefs";

    /// <summary>When the file exists, <paramref name="baseHash"/> must be present and equal the file's current hash.</summary>
    public static void CheckBaseHash(ConfigSnapshot disk, string? baseHash)
    {
        if (!disk.Exists)
        {
            return;
        }

        if (string.IsNullOrWhiteSpace(baseHash))
        {
            throw new ConfigWriteException(ConfigWriteException.BaseHashRequiredMessage);
        }

        if (!string.Equals(baseHash.Trim(), disk.Hash, StringComparison.Ordinal))
        {
            throw new ConfigWriteException(ConfigWriteException.StaleMessage);
        }
    }

    /// <summary>Parses a JSON5 <c>raw</c> parameter that must be an object without blocked keys.</summary>
    public static JsonObject ParseRaw(string raw)
    {
        JsonNode? node;
        try
        {
            node = Json5Reader.Parse(raw);
        }
        catch (Json5Exception ex)
        {
            throw new ConfigWriteException("raw is not valid JSON5: " + ex.Message, [new ConfigIssue(string.Empty, "not valid JSON5: " + ex.Message, "fix the syntax at that line and column")]);
        }

        if (node is not JsonObject doc)
        {
            throw new ConfigWriteException("raw must be an object");
        }

        var forbidden = new List<string>();
        MergePatch.FindForbidden(doc, string.Empty, forbidden);
        if (forbidden.Count > 0)
        {
            throw new ConfigWriteException(
                $"the keys __proto__, constructor and prototype are not allowed: {string.Join(", ", forbidden)}",
                [.. forbidden.Select(p => new ConfigIssue(p, "this key name is not allowed (prototype pollution guard)", "remove or rename the key"))]);
        }

        return doc;
    }

    /// <summary>Puts stored secrets back where <paramref name="doc"/> carries the redaction sentinel (in place); throws when one has no stored value.</summary>
    public static void RestoreSentinels(JsonObject doc, ConfigSnapshot disk)
    {
        foreach (var path in disk.EnvOverrides)
        {
            // The value came from the environment, not the file: keep it out of the file.
            if (Navigate(doc, path, out var parent, out var key) && ConfigRedactor.IsSentinel(parent![key]) && Navigate(disk.Parsed, path, out var stored, out _) && stored![key] is null)
            {
                parent.Remove(key);
            }
        }

        var issues = ConfigRedactor.RestoreSentinels(doc, disk.Parsed);
        if (issues.Count > 0)
        {
            throw new ConfigWriteException($"cannot restore redacted values: {ConfigIssue.Summarize(issues)}", issues);
        }
    }

    /// <summary>True for a patch of the form <c>{ ui: { prefs: { … } } }</c> (leaf writes below <c>ui.prefs</c>).</summary>
    public static bool IsNestedPrefs(JsonObject patch)
        => patch.Count == 1 && patch["ui"] is JsonObject ui && ui.Count == 1 && ui["prefs"] is JsonObject;

    private static bool Navigate(JsonObject root, string path, out JsonObject? parent, out string key)
    {
        var parts = ConfigPath.Split(path);
        parent = root;
        key = parts[^1];
        for (var i = 0; i < parts.Count - 1; i++)
        {
            parent = parent?[parts[i]] as JsonObject;
        }

        return parent is not null;
    }
}
