using Microsoft.Extensions.AI;
using SharpClaw.Providers.Abstractions;

namespace SharpClaw.Agents.Runs;

/// <summary>What one model call produced.</summary>
public sealed record TurnOutput(string Text, string Reasoning, IReadOnlyList<FunctionCallContent> Calls, TokenUsage Usage, string? FinishReason);
