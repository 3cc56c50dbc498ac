namespace SharpClaw.Agents.Tools.Policy;

/// <summary>Tool-name normalisation and group expansion used by every policy step.</summary>
public static class ToolNames
{
    /// <summary>Trim + lower-case, with the aliases <c>bash→exec</c> and <c>apply-patch→apply_patch</c>.</summary>
    public static string Normalize(string name)
    {
        var n = name.Trim().ToLowerInvariant();
        return n switch
        {
            "bash" => "exec",
            "apply-patch" => "apply_patch",
            _ => n,
        };
    }

    /// <summary>Normalised patterns with groups expanded to their members; empty entries dropped, duplicates removed.</summary>
    public static IReadOnlyList<string> Expand(IEnumerable<string>? patterns)
    {
        var result = new List<string>();
        foreach (var raw in patterns ?? [])
        {
            var p = Normalize(raw);
            if (p.Length == 0)
            {
                continue;
            }

            var members = p.StartsWith("group:", StringComparison.Ordinal) ? ToolCatalog.GroupMembers(p) : null;
            foreach (var m in members ?? [p])
            {
                if (!result.Contains(m))
                {
                    result.Add(m);
                }
            }
        }

        return result;
    }

    /// <summary>Pattern match: <c>*</c> = all, no <c>*</c> = exact, otherwise <c>*</c> matches any run of characters.</summary>
    public static bool Matches(string pattern, string name)
    {
        if (pattern == "*")
        {
            return true;
        }

        if (!pattern.Contains('*', StringComparison.Ordinal))
        {
            return pattern == name;
        }

        var parts = pattern.Split('*');
        if (!name.StartsWith(parts[0], StringComparison.Ordinal) || !name.EndsWith(parts[^1], StringComparison.Ordinal) || name.Length < parts[0].Length + parts[^1].Length)
        {
            return false;
        }

        var pos = parts[0].Length;
        for (var i = 1; i < parts.Length - 1; i++)
        {
            var at = name.IndexOf(parts[i], pos, StringComparison.Ordinal);
            if (at < 0)
            {
                return false;
            }

            pos = at + parts[i].Length;
        }

        return pos <= name.Length - parts[^1].Length;
    }
}
