namespace SharpClaw.Agents.Tools;

/// <summary>The tools available to agent runs, by name. Policy filtering happens before a run sees them.</summary>
public sealed class ToolRegistry
{
    private readonly Dictionary<string, IAgentTool> _tools = new(StringComparer.Ordinal);

    public void Register(IAgentTool tool) => _tools[tool.Name] = tool;

    public bool TryGet(string name, out IAgentTool tool) => _tools.TryGetValue(name, out tool!);

    public IReadOnlyCollection<IAgentTool> All => _tools.Values;
}
