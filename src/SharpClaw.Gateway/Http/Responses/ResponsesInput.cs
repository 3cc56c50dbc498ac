using SharpClaw.Agents.Runs;

namespace SharpClaw.Gateway.Http.Responses;

/// <summary>A <c>/v1/responses</c> request reduced to what the agent run needs.</summary>
internal sealed record ResponsesInput
{
    public required string Prompt { get; init; }

    public string? ExtraSystemPrompt { get; init; }

    public IReadOnlyList<RunAttachment> Images { get; init; } = [];

    public IReadOnlyList<ClientFunctionTool> Tools { get; init; } = [];
}
