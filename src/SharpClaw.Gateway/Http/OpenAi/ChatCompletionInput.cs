using SharpClaw.Agents.Runs;

namespace SharpClaw.Gateway.Http.OpenAi;

/// <summary>A <c>/v1/chat/completions</c> request reduced to what the agent run needs.</summary>
internal sealed record ChatCompletionInput
{
    public required string Prompt { get; init; }

    public string? ExtraSystemPrompt { get; init; }

    public IReadOnlyList<RunAttachment> Images { get; init; } = [];

    public IReadOnlyList<ClientFunctionTool> Tools { get; init; } = [];

    public bool Stream { get; init; }

    public bool IncludeUsage { get; init; }

    public string? User { get; init; }
}
