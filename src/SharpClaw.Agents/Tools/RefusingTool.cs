using System.Text.Json.Nodes;
using SharpClaw.Agents.Tools.Files;

namespace SharpClaw.Agents.Tools;

/// <summary>Base for tools whose refusals (bad arguments, refused paths, policy denials) and I/O failures become error results.</summary>
public abstract class RefusingTool : IAgentTool
{
    public abstract string Name { get; }

    public abstract string Description { get; }

    public abstract JsonObject ParametersSchema { get; }

    public async Task<ToolResult> InvokeAsync(ToolInvocation invocation, CancellationToken cancellationToken)
    {
        try
        {
            return await RunAsync(invocation.Arguments, invocation.Context, cancellationToken);
        }
        catch (Exception ex) when (ex is ToolArgumentException or PathRefusedException or ToolRefusedException)
        {
            return ToolResult.Error(ex.Message);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // E.g. a path changed between the guard's checks and the operation: say what failed, never crash the turn.
            return ToolResult.Error($"{Name} failed: {ex.Message}");
        }
    }

    protected abstract Task<ToolResult> RunAsync(JsonObject args, ToolContext context, CancellationToken ct);

    protected static JsonObject Schema(IEnumerable<string> required, params (string Name, string Type, string Description)[] properties)
    {
        var props = new JsonObject();
        foreach (var (name, type, description) in properties)
        {
            props[name] = new JsonObject { ["type"] = type, ["description"] = description };
        }

        return new JsonObject { ["type"] = "object", ["properties"] = props, ["required"] = Protocol.Frames.JsonNodes.StringArray(required) };
    }

    protected static ToolResult Ok(string text, JsonObject? details = null) => new(text, false, details);
}
