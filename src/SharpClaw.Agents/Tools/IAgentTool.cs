using System.Text.Json.Nodes;

namespace SharpClaw.Agents.Tools;

/// <summary>A tool the model can call: a name, a description, a JSON schema for its arguments, and the code.</summary>
public interface IAgentTool
{
    string Name { get; }

    string Description { get; }

    /// <summary>JSON schema (type object) of the arguments, as the model sees it.</summary>
    JsonObject ParametersSchema { get; }

    Task<ToolResult> InvokeAsync(ToolInvocation invocation, CancellationToken cancellationToken);
}
