using System.Text.Json.Nodes;

namespace SharpClaw.Core.Config;

/// <summary>Changed dot paths between two config trees (objects recurse; arrays and values are leaves).</summary>
internal static class ConfigDiff
{
    public static IReadOnlyList<string> ChangedPaths(JsonNode? before, JsonNode? after)
    {
        var changed = new List<string>();
        Walk(before, after, string.Empty, changed);
        return changed;
    }

    private static void Walk(JsonNode? before, JsonNode? after, string path, List<string> changed)
    {
        if (before is JsonObject bo && after is JsonObject ao)
        {
            foreach (var key in bo.Select(p => p.Key).Union(ao.Select(p => p.Key), StringComparer.Ordinal))
            {
                var inBefore = bo.TryGetPropertyValue(key, out var b);
                var inAfter = ao.TryGetPropertyValue(key, out var a);
                if (inBefore != inAfter)
                {
                    changed.Add(ConfigPath.Child(path, key));
                }
                else
                {
                    Walk(b, a, ConfigPath.Child(path, key), changed);
                }
            }

            return;
        }

        if (!JsonNode.DeepEquals(before, after))
        {
            changed.Add(path);
        }
    }
}
