namespace SharpClaw.Agents.Tools.Policy;

/// <summary>A catalog section; its group id is <c>group:&lt;Id&gt;</c>.</summary>
public sealed record ToolCatalogSection(string Id, string Label)
{
    public string GroupId => "group:" + Id;
}
