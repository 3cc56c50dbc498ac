using System.Text.Json.Nodes;

namespace SharpClaw.Agents.Tools;

/// <summary>Reads tool arguments leniently (first of several accepted names) and throws <see cref="ToolArgumentException"/>.</summary>
public static class ToolArgs
{
    public static string? String(JsonObject args, params string[] names)
    {
        foreach (var name in names)
        {
            if (args[name] is JsonValue v && v.TryGetValue<string>(out var s))
            {
                return s;
            }
        }

        return null;
    }

    public static string RequiredString(JsonObject args, params string[] names)
        => String(args, names) ?? throw new ToolArgumentException($"{names[0]} is required (a string)");

    public static long? Long(JsonObject args, string name, long min, long max)
    {
        var node = args[name];
        if (node is null)
        {
            return null;
        }

        long value;
        if (node is JsonValue v && v.TryGetValue<long>(out var l))
        {
            value = l;
        }
        else if (node is JsonValue d && d.TryGetValue<double>(out var dbl) && Math.Abs(dbl - Math.Round(dbl)) < 1e-9)
        {
            value = (long)dbl;
        }
        else if (node is JsonValue s && s.TryGetValue<string>(out var str) && long.TryParse(str, System.Globalization.CultureInfo.InvariantCulture, out var parsed))
        {
            value = parsed;
        }
        else
        {
            throw new ToolArgumentException($"{name} must be an integer");
        }

        return value < min || value > max ? throw new ToolArgumentException($"{name} must be between {min} and {max} (got {value})") : value;
    }

    public static bool? Bool(JsonObject args, string name)
        => args[name] is JsonValue v && v.TryGetValue<bool>(out var b) ? b : null;
}
