namespace SharpClaw.Agents.Tools;

/// <summary>
/// A tool the caller executes (client-defined functions of the OpenAI-compatible HTTP APIs). When the model
/// calls one, the run stops with stop reason <c>tool_calls</c> and hands the call back as a
/// <see cref="Runs.PendingToolCall"/>; the caller continues the session with the result in its next message.
/// </summary>
public interface IClientTool : IAgentTool
{
}
