using System.Text.Json.Nodes;
using SharpClaw.Agents.Tools;

namespace SharpClaw.Gateway.Http;

/// <summary>A function the HTTP caller defined and will execute itself; calling it ends the run with a pending call.</summary>
internal sealed class ClientFunctionTool(string name, string? description, JsonObject? parameters, bool? strict) : IClientTool
{
    public string Name => name;

    public string Description => description ?? string.Empty;

    public JsonObject ParametersSchema { get; } = parameters?.DeepClone() as JsonObject ?? new JsonObject { ["type"] = "object", ["properties"] = new JsonObject() };

    public bool? Strict => strict;

    public Task<ToolResult> InvokeAsync(ToolInvocation invocation, CancellationToken cancellationToken)
        => Task.FromResult(ToolResult.Error($"{name} is executed by the HTTP client, not the gateway"));
}
