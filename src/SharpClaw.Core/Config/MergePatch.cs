using System.Text.Json.Nodes;

namespace SharpClaw.Core.Config;

/// <summary>
/// JSON merge patch as <c>config.patch</c> applies it: objects merge, <c>null</c> deletes, arrays of objects
/// with <c>id</c> merge by id; removing array entries needs the path in <c>replacePaths</c>. Keys
/// <c>__proto__</c>, <c>constructor</c> and <c>prototype</c> are refused.
/// </summary>
public static class MergePatch
{
    private static readonly string[] Forbidden = ["__proto__", "constructor", "prototype"];

    public static JsonNode? Apply(JsonNode? target, JsonNode? patch, IReadOnlySet<string> replacePaths, List<string> changedPaths, List<ConfigIssue> issues, string path = "")
    {
        if (patch is not JsonObject po)
        {
            changedPaths.Add(path);
            return patch?.DeepClone();
        }

        var result = target is JsonObject to ? (JsonObject)to.DeepClone() : new JsonObject();
        foreach (var (k, v) in po)
        {
            var childPath = path.Length == 0 ? k : $"{path}.{k}";
            if (Forbidden.Contains(k))
            {
                issues.Add(new ConfigIssue(childPath, $"the key \"{k}\" is not allowed", "remove it"));
                continue;
            }

            if (v is null)
            {
                if (result.Remove(k))
                {
                    changedPaths.Add(childPath);
                }

                continue;
            }

            if (v is JsonArray pa && result[k] is JsonArray ta && !replacePaths.Contains(childPath))
            {
                result[k] = MergeArray(ta, pa, childPath, replacePaths, changedPaths, issues);
                continue;
            }

            result[k] = Apply(result[k], v, replacePaths, changedPaths, issues, childPath);
        }

        return result;
    }

    private static JsonArray MergeArray(JsonArray target, JsonArray patch, string path, IReadOnlySet<string> replacePaths, List<string> changedPaths, List<ConfigIssue> issues)
    {
        var byId = target.All(e => e is JsonObject o && (string?)o["id"] is not null) && patch.All(e => e is JsonObject o && (string?)o["id"] is not null);
        if (!byId)
        {
            if (patch.Count < target.Count)
            {
                issues.Add(new ConfigIssue(path, $"config.patch would remove entries from array path(s): {path}", $"add \"{path}\" to replacePaths to replace the array"));
                return (JsonArray)target.DeepClone();
            }

            changedPaths.Add(path);
            return (JsonArray)patch.DeepClone();
        }

        var result = (JsonArray)target.DeepClone();
        foreach (var item in patch.OfType<JsonObject>())
        {
            var id = (string)item["id"]!;
            var index = result.Select((e, i) => (e, i)).FirstOrDefault(x => (string?)x.e!["id"] == id).i;
            var exists = result.Any(e => (string?)e!["id"] == id);
            if (exists)
            {
                result[index] = Apply(result[index], item, replacePaths, changedPaths, issues, $"{path}[{index}]");
            }
            else
            {
                result.Add(item.DeepClone());
                changedPaths.Add($"{path}[{result.Count - 1}]");
            }
        }

        return result;
    }
}
