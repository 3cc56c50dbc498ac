using Microsoft.Extensions.AI;

namespace SharpClaw.Agents.Runs;

/// <summary>A transcript message converted to the model's form (null when it has no model-visible content).</summary>
internal sealed record ConvertedMessage(ChatMessage? Message);
