namespace SharpClaw.Core.Config;

/// <summary>Config dot paths: <c>gateway.auth.mode</c>, <c>agents.list[0].id</c>.</summary>
internal static class ConfigPath
{
    public static string Child(string path, string key) => path.Length == 0 ? key : $"{path}.{key}";

    public static string Item(string path, int index) => $"{path}[{index}]";

    /// <summary>Splits into segments; <c>[i]</c> segments are kept with their brackets.</summary>
    public static IReadOnlyList<string> Split(string path)
    {
        var parts = new List<string>();
        foreach (var dotted in path.Split('.', StringSplitOptions.RemoveEmptyEntries))
        {
            var bracket = dotted.IndexOf('[', StringComparison.Ordinal);
            if (bracket < 0)
            {
                parts.Add(dotted);
                continue;
            }

            if (bracket > 0)
            {
                parts.Add(dotted[..bracket]);
            }

            parts.AddRange(dotted[bracket..].Split(']', StringSplitOptions.RemoveEmptyEntries).Select(s => s + "]"));
        }

        return parts;
    }

    /// <summary>True when <paramref name="path"/> equals <paramref name="prefix"/> or lies below it.</summary>
    public static bool IsAtOrUnder(string path, string prefix)
        => path.Length == prefix.Length ? path == prefix
            : path.Length > prefix.Length && path.StartsWith(prefix, StringComparison.Ordinal) && path[prefix.Length] is '.' or '[';
}
