namespace SharpClaw.Agents.Tools.Policy;

/// <summary>The allowed tool names (in candidate order) and, for each refused candidate, the reason.</summary>
public sealed record ToolPolicyDecision(IReadOnlyList<string> Allowed, IReadOnlyDictionary<string, string> Denied)
{
    public bool IsAllowed(string tool) => Allowed.Contains(ToolNames.Normalize(tool));

    /// <summary>Why a tool is not available (null when allowed).</summary>
    public string? ReasonFor(string tool)
    {
        var name = ToolNames.Normalize(tool);
        return IsAllowed(name) ? null : Denied.GetValueOrDefault(name) ?? $"unknown tool: {tool}";
    }
}
