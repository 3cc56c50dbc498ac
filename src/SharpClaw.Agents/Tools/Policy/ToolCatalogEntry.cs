namespace SharpClaw.Agents.Tools.Policy;

/// <summary>One core tool as the catalog describes it: id, label, section, risk and the profiles that include it.</summary>
public sealed record ToolCatalogEntry(string Id, string Label, string Description, string Section, string Risk, IReadOnlyList<string> Profiles);
