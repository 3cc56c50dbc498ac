namespace SharpClaw.Gateway.Tests.Infrastructure;

/// <summary>One scripted model answer.</summary>
public sealed record ScriptedReply(IReadOnlyList<string> Chunks)
{
    public int DelayMs { get; init; }

    public bool HangUntilCancelled { get; init; }

    public IReadOnlyList<(string Name, Dictionary<string, object?> Args)> ToolCalls { get; init; } = [];

    public long InputTokens { get; init; } = 100;

    public long OutputTokens { get; init; } = 20;

    public long CacheRead { get; init; } = 10;

    public Exception? Error { get; init; }
}
