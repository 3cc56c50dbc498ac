using System.Text.Json.Nodes;

namespace SharpClaw.Core.Config;

/// <summary>
/// Resolves SecretRef objects with <c>source: "env"</c> (<c>{source:"env", provider?, id:"NAME"}</c>) into
/// their string value in the resolved config. Other sources (file, exec, store) are left as they are. An unset
/// variable is an issue (an unresolved explicit SecretRef fails closed).
/// </summary>
internal static class EnvSecretRefs
{
    /// <summary>Replaces env SecretRefs in <paramref name="node"/> in place.</summary>
    public static void Resolve(JsonNode? node, Func<string, string?> env, List<ConfigIssue> issues, string path = "")
    {
        switch (node)
        {
            case JsonObject o:
                foreach (var (k, v) in o.ToList())
                {
                    var childPath = ConfigPath.Child(path, k);
                    if (TryResolve(v, env, issues, childPath, out var value))
                    {
                        o[k] = value;
                    }
                    else
                    {
                        Resolve(v, env, issues, childPath);
                    }
                }

                break;
            case JsonArray a:
                for (var i = 0; i < a.Count; i++)
                {
                    var itemPath = ConfigPath.Item(path, i);
                    if (TryResolve(a[i], env, issues, itemPath, out var value))
                    {
                        a[i] = value;
                    }
                    else
                    {
                        Resolve(a[i], env, issues, itemPath);
                    }
                }

                break;
        }
    }

    /// <summary>True when <paramref name="node"/> is an env SecretRef that resolved (unresolved ones are reported and left as they are).</summary>
    private static bool TryResolve(JsonNode? node, Func<string, string?> env, List<ConfigIssue> issues, string path, out string value)
    {
        value = string.Empty;
        if (!TryGetEnvName(node, out var name))
        {
            return false;
        }

        var resolved = env(name);
        if (string.IsNullOrEmpty(resolved))
        {
            issues.Add(new ConfigIssue(path, $"Missing env var \"{name}\" referenced by a SecretRef at config path: {path}", $"set {name} in the environment, or put the secret here"));
            return false;
        }

        value = resolved;
        return true;
    }

    /// <summary>True for exactly <c>{source:"env", id:"NAME"}</c> with an optional <c>provider</c>.</summary>
    public static bool TryGetEnvName(JsonNode? node, out string name)
    {
        name = string.Empty;
        if (node is not JsonObject o || o.Count is < 2 or > 3 || Str(o["source"]) != "env" || Str(o["id"]) is not { Length: > 0 } id)
        {
            return false;
        }

        if (o.Count == 3 && Str(o["provider"]) is null)
        {
            return false;
        }

        name = id;
        return true;
    }

    private static string? Str(JsonNode? v) => ConfigSchema.IsString(v) ? v!.GetValue<string>() : null;
}
