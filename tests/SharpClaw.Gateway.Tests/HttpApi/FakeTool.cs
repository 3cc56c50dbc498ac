using System.Text.Json.Nodes;
using SharpClaw.Agents.Tools;

namespace SharpClaw.Gateway.Tests.HttpApi;

/// <summary>A tool whose behaviour a test chooses; records every invocation.</summary>
public sealed class FakeTool(string name, Func<ToolInvocation, ToolResult>? behaviour = null, JsonObject? schema = null) : IAgentTool
{
    public string Name => name;

    public string Description => "test tool " + name;

    public JsonObject ParametersSchema { get; } = schema ?? new JsonObject { ["type"] = "object", ["properties"] = new JsonObject() };

    public List<ToolInvocation> Invocations { get; } = [];

    public Task<ToolResult> InvokeAsync(ToolInvocation invocation, CancellationToken cancellationToken)
    {
        Invocations.Add(invocation);
        return Task.FromResult(behaviour?.Invoke(invocation) ?? new ToolResult("ran " + name));
    }
}
