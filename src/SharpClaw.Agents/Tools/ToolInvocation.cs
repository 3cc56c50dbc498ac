using System.Text.Json.Nodes;

namespace SharpClaw.Agents.Tools;

/// <summary>One tool call from the model, with the run it belongs to.</summary>
public sealed record ToolInvocation(string ToolCallId, string Name, JsonObject Arguments, ToolContext Context);
