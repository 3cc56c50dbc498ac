using System.Text.Json.Nodes;

namespace SharpClaw.Gateway.Agents.Failover;

/// <summary>
/// <see cref="AuthProfileState"/> as OpenClaw's <c>usageStats</c> JSON (times in epoch ms): <c>cooldownUntil</c>,
/// <c>cooldownReason</c>, <c>cooldownModel</c>, <c>disabledUntil</c>, <c>disabledReason</c>, <c>errorCount</c>,
/// <c>failureCounts</c>, <c>lastFailureAt</c>, <c>lastUsed</c>, plus SharpClaw's backoff steps and last probe.
/// </summary>
public static class AuthProfileStateJson
{
    public static JsonObject ToJson(AuthProfileState s, DateTimeOffset? now = null)
    {
        var json = new JsonObject();
        if (now is { } n)
        {
            json["state"] = s.StateAt(n);
        }

        Ms(json, "cooldownUntil", s.CooldownUntil);
        Str(json, "cooldownReason", s.CooldownReason);
        Str(json, "cooldownModel", s.CooldownModel);
        Ms(json, "disabledUntil", s.DisabledUntil);
        Str(json, "disabledReason", s.DisabledReason);
        json["errorCount"] = s.ErrorCount;
        var counts = new JsonObject();
        foreach (var (k, v) in s.FailureCounts)
        {
            counts[k] = v;
        }

        json["failureCounts"] = counts;
        json["cooldownStep"] = s.CooldownStep;
        json["disabledStep"] = s.DisabledStep;
        Ms(json, "lastFailureAt", s.LastFailureAt);
        Ms(json, "lastUsed", s.LastUsed);
        Ms(json, "lastProbeAt", s.LastProbeAt);
        return json;
    }

    public static AuthProfileState FromJson(JsonObject json)
    {
        var counts = new Dictionary<string, int>();
        if (json["failureCounts"] is JsonObject c)
        {
            foreach (var (k, v) in c)
            {
                if (v is JsonValue value && value.TryGetValue<int>(out var i))
                {
                    counts[k] = i;
                }
            }
        }

        return new AuthProfileState
        {
            CooldownUntil = Time(json, "cooldownUntil"),
            CooldownReason = Text(json, "cooldownReason"),
            CooldownModel = Text(json, "cooldownModel"),
            DisabledUntil = Time(json, "disabledUntil"),
            DisabledReason = Text(json, "disabledReason"),
            ErrorCount = Int(json, "errorCount"),
            FailureCounts = counts,
            CooldownStep = Int(json, "cooldownStep"),
            DisabledStep = Int(json, "disabledStep"),
            LastFailureAt = Time(json, "lastFailureAt"),
            LastUsed = Time(json, "lastUsed"),
            LastProbeAt = Time(json, "lastProbeAt"),
        };
    }

    private static void Ms(JsonObject json, string key, DateTimeOffset? value)
    {
        if (value is { } v)
        {
            json[key] = v.ToUnixTimeMilliseconds();
        }
    }

    private static void Str(JsonObject json, string key, string? value)
    {
        if (value is not null)
        {
            json[key] = value;
        }
    }

    private static DateTimeOffset? Time(JsonObject json, string key)
        => json[key] is JsonValue v && v.TryGetValue<long>(out var ms) && ms > 0 ? DateTimeOffset.FromUnixTimeMilliseconds(ms) : null;

    private static string? Text(JsonObject json, string key) => json[key] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;

    private static int Int(JsonObject json, string key) => json[key] is JsonValue v && v.TryGetValue<int>(out var i) ? i : 0;
}
