namespace SharpClaw.Agents.Workspace;

/// <summary>Inputs of <see cref="SystemPromptBuilder"/>.</summary>
public sealed record SystemPromptContext
{
    public required string AgentId { get; init; }

    public required string SessionKey { get; init; }

    public required string Workspace { get; init; }

    public required string Model { get; init; }

    public DateTimeOffset Now { get; init; }

    /// <summary>The clock deciding when bootstrap files are looked at again (<see cref="WorkspaceFileCache"/>).</summary>
    public TimeProvider Time { get; init; } = TimeProvider.System;

    public TimeZoneInfo TimeZone { get; init; } = TimeZoneInfo.Utc;

    public string? Channel { get; init; }

    public string? Thinking { get; init; }

    public string? ExtraSystemPrompt { get; init; }

    public bool Subagent { get; init; }

    public IReadOnlyList<(string Name, string Description)> Tools { get; init; } = [];
}
