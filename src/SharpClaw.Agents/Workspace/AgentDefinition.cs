namespace SharpClaw.Agents.Workspace;

/// <summary>One agent as configured (<c>agents.list[]</c> / <c>agents.entries.&lt;id&gt;</c> over <c>agents.defaults</c>).</summary>
public sealed record AgentDefinition
{
    public required string Id { get; init; }

    public string? Name { get; init; }

    public required string Workspace { get; init; }

    /// <summary>Primary model ref (<c>provider/model</c> or alias); null → provider default.</summary>
    public string? Model { get; init; }

    public IReadOnlyList<string> Fallbacks { get; init; } = [];

    public AgentIdentity Identity { get; init; } = new();

    public string? ThinkingDefault { get; init; }

    public int TimeoutSeconds { get; init; } = 172_800;

    public int MaxIterations { get; init; } = 50;

    public bool IsDefault { get; init; }
}
