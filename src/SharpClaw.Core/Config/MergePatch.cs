using System.Text.Json.Nodes;

namespace SharpClaw.Core.Config;

/// <summary>
/// JSON merge patch as <c>config.patch</c> applies it (RFC 7396 plus OpenClaw's array rule): objects merge,
/// <c>null</c> deletes, arrays whose items are all objects with a string <c>id</c> (on both sides) merge by id,
/// other arrays replace. Entries that would disappear from an existing array are reported unless the array
/// (or an ancestor) is listed in <c>replacePaths</c>, where the patch array replaces the old one verbatim.
/// Keys <c>__proto__</c>, <c>constructor</c> and <c>prototype</c> are refused.
/// </summary>
public static class MergePatch
{
    public static readonly IReadOnlyList<string> ForbiddenKeys = ["__proto__", "constructor", "prototype"];

    /// <summary>Merges <paramref name="patch"/> into a copy of <paramref name="target"/>.</summary>
    public static MergePatchResult Apply(JsonObject target, JsonObject patch, IReadOnlyCollection<string>? replacePaths = null)
    {
        var replace = replacePaths ?? [];
        var forbidden = new List<string>();
        FindForbidden(patch, string.Empty, forbidden);
        var merged = (JsonObject)Merge(target, patch, string.Empty, replace)!;
        var removed = new List<string>();
        FindRemovedEntries(target, merged, string.Empty, replace, removed);
        return new MergePatchResult(merged, removed, forbidden);
    }

    /// <summary>The non-empty string <c>id</c> of an object, or null.</summary>
    public static string? IdOf(JsonNode? node)
        => node is JsonObject o && ConfigSchema.IsString(o["id"]) && o["id"]!.GetValue<string>() is { Length: > 0 } id ? id : null;

    /// <summary>Paths of forbidden keys anywhere in <paramref name="node"/>.</summary>
    public static void FindForbidden(JsonNode? node, string path, List<string> found)
    {
        switch (node)
        {
            case JsonObject o:
                foreach (var (k, v) in o)
                {
                    var childPath = ConfigPath.Child(path, k);
                    if (ForbiddenKeys.Contains(k, StringComparer.Ordinal))
                    {
                        found.Add(childPath);
                    }
                    else
                    {
                        FindForbidden(v, childPath, found);
                    }
                }

                break;
            case JsonArray a:
                for (var i = 0; i < a.Count; i++)
                {
                    FindForbidden(a[i], ConfigPath.Item(path, i), found);
                }

                break;
        }
    }

    private static JsonNode? Merge(JsonNode? target, JsonNode? patch, string path, IReadOnlyCollection<string> replace)
    {
        if (patch is not JsonObject po)
        {
            return patch?.DeepClone();
        }

        var result = target is JsonObject to ? (JsonObject)to.DeepClone() : new JsonObject();
        foreach (var (k, v) in po)
        {
            var childPath = ConfigPath.Child(path, k);
            if (ForbiddenKeys.Contains(k, StringComparer.Ordinal))
            {
                continue;
            }

            if (v is null)
            {
                result.Remove(k);
            }
            else if (v is JsonArray pa && result[k] is JsonArray ta && !IsReplaced(childPath, replace) && IsIdArray(ta) && IsIdArray(pa))
            {
                result[k] = MergeById(ta, pa, childPath, replace);
            }
            else
            {
                result[k] = Merge(result[k], v, childPath, replace);
            }
        }

        return result;
    }

    private static JsonArray MergeById(JsonArray target, JsonArray patch, string path, IReadOnlyCollection<string> replace)
    {
        var result = (JsonArray)target.DeepClone();
        foreach (var item in patch)
        {
            var id = IdOf(item)!;
            var index = IndexOfId(result, id);
            if (index < 0)
            {
                result.Add(item!.DeepClone());
            }
            else
            {
                result[index] = Merge(result[index], item, ConfigPath.Item(path, index), replace);
            }
        }

        return result;
    }

    private static void FindRemovedEntries(JsonNode? before, JsonNode? after, string path, IReadOnlyCollection<string> replace, List<string> removed)
    {
        switch (before)
        {
            case JsonObject bo:
                foreach (var (k, v) in bo)
                {
                    FindRemovedEntries(v, (after as JsonObject)?[k], ConfigPath.Child(path, k), replace, removed);
                }

                break;
            case JsonArray ba when !IsReplaced(path, replace):
                var aa = after as JsonArray;
                if (ba.Any(entry => !StillPresent(entry, aa)))
                {
                    removed.Add(path);
                    return;
                }

                for (var i = 0; i < ba.Count; i++)
                {
                    var counterpart = IdOf(ba[i]) is { } id && aa is not null && IndexOfId(aa, id) is var j and >= 0 ? aa[j] : null;
                    if (counterpart is not null)
                    {
                        FindRemovedEntries(ba[i], counterpart, ConfigPath.Item(path, i), replace, removed);
                    }
                }

                break;
        }
    }

    private static bool StillPresent(JsonNode? entry, JsonArray? after)
    {
        if (after is null)
        {
            return false;
        }

        return IdOf(entry) is { } id ? IndexOfId(after, id) >= 0 : after.Any(a => JsonNode.DeepEquals(a, entry));
    }

    private static bool IsReplaced(string path, IReadOnlyCollection<string> replace) => replace.Any(r => ConfigPath.IsAtOrUnder(path, r));

    private static bool IsIdArray(JsonArray a) => a.All(e => IdOf(e) is not null);

    private static int IndexOfId(JsonArray a, string id)
    {
        for (var i = 0; i < a.Count; i++)
        {
            if (IdOf(a[i]) == id)
            {
                return i;
            }
        }

        return -1;
    }
}
