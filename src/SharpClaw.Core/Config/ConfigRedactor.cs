using System.Text.Json.Nodes;
using SharpClaw.Core.Config.Schema;

namespace SharpClaw.Core.Config;

/// <summary>
/// Secrets in config snapshots: <see cref="Redact"/> replaces every secret string (schema <c>secret</c> flag,
/// or a secret-looking key name such as <c>token</c>, <c>password</c>, <c>apiKey</c>, <c>*Token</c>,
/// <c>*Secret</c>, <c>*Key</c>) with <see cref="Sentinel"/>; <see cref="RestoreSentinels(JsonObject, JsonObject)"/>
/// puts the stored secret back wherever a client's document still carries the sentinel, so
/// <c>config.get</c> → edit → <c>config.set</c> round-trips without the client ever seeing a secret.
/// Pure <c>${VAR}</c> references are not secrets and are shown as they are.
/// </summary>
public static class ConfigRedactor
{
    public const string Sentinel = "__OPENCLAW_REDACTED__";

    private static readonly string[] SecretSuffixes = ["token", "secret", "password", "passwd", "passphrase", "apikey", "api_key", "authorization", "cookie", "credential", "privatekey"];

    private static readonly HashSet<string> NotSecretKeys = new(StringComparer.Ordinal)
    {
        "sessionkey", "defaultsessionkey", "mainkey", "publickey", "public_key", "idempotencykey", "hotkey", "sortkey",
        "primarykey", "cachekey", "routingkey", "partitionkey", "dedupekey", "groupkey", "threadkey", "storagekey", "lookupkey",
    };

    /// <summary>True when a key name looks like it holds a secret (used in addition to the schema flag).</summary>
    public static bool IsSecretKey(string key)
    {
        var k = key.ToLowerInvariant();
        if (NotSecretKeys.Contains(k) || k.EndsWith("_public_key", StringComparison.Ordinal))
        {
            return false;
        }

        return k.EndsWith("key", StringComparison.Ordinal) || SecretSuffixes.Any(s => k.EndsWith(s, StringComparison.Ordinal));
    }

    /// <summary>A redacted deep copy of <paramref name="root"/>.</summary>
    public static JsonObject Redact(JsonObject root) => (JsonObject)RedactNode(root, ConfigSchema.Root, string.Empty)!;

    /// <summary>True when <paramref name="node"/> is the sentinel string.</summary>
    public static bool IsSentinel(JsonNode? node) => ConfigSchema.IsString(node) && node!.GetValue<string>() == Sentinel;

    /// <summary>True when the sentinel occurs anywhere in <paramref name="node"/>.</summary>
    public static bool ContainsSentinel(JsonNode? node) => node switch
    {
        JsonObject o => o.Any(p => ContainsSentinel(p.Value)),
        JsonArray a => a.Any(ContainsSentinel),
        _ => IsSentinel(node),
    };

    private static JsonNode? RedactNode(JsonNode? node, SchemaNode? schema, string key)
    {
        switch (node)
        {
            case JsonObject o:
                var copy = new JsonObject();
                foreach (var (k, v) in o)
                {
                    copy[k] = RedactNode(v, schema?.ChildFor(o, k), k);
                }

                return copy;
            case JsonArray a:
                var arr = new JsonArray();
                for (var i = 0; i < a.Count; i++)
                {
                    arr.Add(RedactNode(a[i], schema?.ChildFor(a, $"[{i}]"), key));
                }

                return arr;
            case JsonValue when ConfigSchema.IsString(node):
                var s = node.GetValue<string>();
                var secret = schema?.Secret == true || (key.Length > 0 && IsSecretKey(key));
                return secret && s.Length > 0 && !EnvSubstitution.IsPureReference(s) ? JsonValue.Create(Sentinel) : node.DeepClone();
            default:
                return node?.DeepClone();
        }
    }

    /// <summary>
    /// Replaces (in place) every sentinel in <paramref name="incoming"/> with the value at the same path in
    /// <paramref name="current"/>; returns one issue per sentinel that has no stored value.
    /// </summary>
    public static IReadOnlyList<ConfigIssue> RestoreSentinels(JsonObject incoming, JsonObject current)
    {
        var issues = new List<ConfigIssue>();
        RestoreSentinels(incoming, current, string.Empty, issues);
        return issues;
    }

    /// <summary>The recursive form of <see cref="RestoreSentinels(JsonObject, JsonObject)"/>; array items are matched by <c>id</c>, else by index.</summary>
    public static void RestoreSentinels(JsonNode? incoming, JsonNode? current, string path, List<ConfigIssue> issues)
    {
        switch (incoming)
        {
            case JsonObject o:
                foreach (var (k, v) in o.ToList())
                {
                    var counterpart = (current as JsonObject)?[k];
                    var childPath = ConfigPath.Child(path, k);
                    if (IsSentinel(v))
                    {
                        o[k] = Restore(counterpart, childPath, issues);
                    }
                    else
                    {
                        RestoreSentinels(v, counterpart, childPath, issues);
                    }
                }

                break;
            case JsonArray a:
                for (var i = 0; i < a.Count; i++)
                {
                    var counterpart = Counterpart(a[i], current as JsonArray, i);
                    var childPath = ConfigPath.Item(path, i);
                    if (IsSentinel(a[i]))
                    {
                        a[i] = Restore(counterpart, childPath, issues);
                    }
                    else
                    {
                        RestoreSentinels(a[i], counterpart, childPath, issues);
                    }
                }

                break;
        }
    }

    private static JsonNode? Restore(JsonNode? stored, string path, List<ConfigIssue> issues)
    {
        if (stored is null || IsSentinel(stored))
        {
            issues.Add(new ConfigIssue(path, $"the redaction placeholder {Sentinel} has no stored value to restore", "put the real value here, or remove the key"));
            return JsonValue.Create(Sentinel);
        }

        return stored.DeepClone();
    }

    private static JsonNode? Counterpart(JsonNode? item, JsonArray? current, int index)
    {
        if (current is null)
        {
            return null;
        }

        if (MergePatch.IdOf(item) is { } id)
        {
            return current.FirstOrDefault(c => MergePatch.IdOf(c) == id);
        }

        return index < current.Count ? current[index] : null;
    }
}
