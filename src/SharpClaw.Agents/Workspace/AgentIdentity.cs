namespace SharpClaw.Agents.Workspace;

/// <summary><c>identity {name, emoji, avatar, theme}</c> of an agent.</summary>
public sealed record AgentIdentity
{
    public string? Name { get; init; }

    public string? Emoji { get; init; }

    public string? Avatar { get; init; }

    public string? Theme { get; init; }
}
