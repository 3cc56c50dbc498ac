namespace SharpClaw.Agents.Tools.Policy;

/// <summary>
/// One step of the pipeline: an optional allowlist and a denylist (patterns already expanded). Deny wins; an
/// absent allowlist allows everything; <c>apply_patch</c> is allowed whenever <c>write</c> is.
/// </summary>
public sealed record ToolPolicyStep(string Label, IReadOnlyList<string>? Allow, IReadOnlyList<string> Deny)
{
    /// <summary>Null when the tool passes this step, else why it does not.</summary>
    public string? Check(string tool)
    {
        var denied = Deny.FirstOrDefault(p => ToolNames.Matches(p, tool));
        if (denied is not null)
        {
            return $"denied by {Label} deny (\"{denied}\")";
        }

        if (Allow is null || Allow.Any(p => ToolNames.Matches(p, tool)) || (tool == "apply_patch" && Allow.Any(p => ToolNames.Matches(p, "write"))))
        {
            return null;
        }

        return $"not allowed by {Label} (allow list: {(Allow.Count == 0 ? "empty" : string.Join(", ", Allow.Take(12)))})";
    }
}
