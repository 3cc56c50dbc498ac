using System.Text.Json.Nodes;

namespace SharpClaw.Core.Config;

/// <summary>
/// Replaces secrets with a sentinel for <c>config.get</c>, and puts the current secret back wherever a
/// document written by a client still carries the sentinel (so clients can round-trip without the secrets).
/// </summary>
public static class ConfigRedactor
{
    public const string Sentinel = "__OPENCLAW_REDACTED__";

    public static bool IsSecretKey(string path, string key)
    {
        if (ConfigSchema.IsSecretPath(path))
        {
            return true;
        }

        var k = key.ToLowerInvariant();
        return k is "token" or "password" or "apikey" or "secret" or "accesstoken" or "refreshtoken" or "privatekey" or "clientsecret" or "bottoken" or "signingsecret"
            || k.EndsWith("token", StringComparison.Ordinal) || k.EndsWith("secret", StringComparison.Ordinal) || k.EndsWith("apikey", StringComparison.Ordinal) || k.EndsWith("password", StringComparison.Ordinal);
    }

    public static JsonObject Redact(JsonObject root) => (JsonObject)RedactNode(root, string.Empty)!;

    private static JsonNode? RedactNode(JsonNode? node, string path)
    {
        switch (node)
        {
            case JsonObject o:
                var copy = new JsonObject();
                foreach (var (k, v) in o)
                {
                    var childPath = path.Length == 0 ? k : $"{path}.{k}";
                    copy[k] = v is JsonValue && IsSecretKey(childPath, k) ? JsonValue.Create(Sentinel) : RedactNode(v, childPath);
                }

                return copy;
            case JsonArray a:
                return Protocol.Frames.JsonNodes.Array(a.Select((v, i) => RedactNode(v, $"{path}[{i}]")));
            default:
                return node?.DeepClone();
        }
    }

    /// <summary>Replaces every sentinel in <paramref name="incoming"/> with the value at the same path in <paramref name="current"/>.</summary>
    public static void RestoreSentinels(JsonNode? incoming, JsonNode? current, string path, List<ConfigIssue> issues)
    {
        switch (incoming)
        {
            case JsonObject o:
                foreach (var (k, v) in o.ToList())
                {
                    var childPath = path.Length == 0 ? k : $"{path}.{k}";
                    var cur = (current as JsonObject)?[k];
                    if (v is JsonValue jv && jv.GetValueKind() == System.Text.Json.JsonValueKind.String && jv.GetValue<string>() == Sentinel)
                    {
                        if (cur is null)
                        {
                            issues.Add(new ConfigIssue(childPath, "the redaction placeholder has no current value to restore", "put the real secret here"));
                        }
                        else
                        {
                            o[k] = cur.DeepClone();
                        }
                    }
                    else
                    {
                        RestoreSentinels(v, cur, childPath, issues);
                    }
                }

                break;
            case JsonArray a:
                for (var i = 0; i < a.Count; i++)
                {
                    RestoreSentinels(a[i], (current as JsonArray) is { } ca && i < ca.Count ? ca[i] : null, $"{path}[{i}]", issues);
                }

                break;
        }
    }
}
