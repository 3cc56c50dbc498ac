using System.Text.Json.Nodes;
using SharpClaw.Agents.Tools.Files;

namespace SharpClaw.Agents.Tools;

/// <summary>Registers the built-in tool families on a registry (order is stable for prompt caching).</summary>
public static class BuiltInTools
{
    public static void RegisterFileTools(ToolRegistry registry, Func<JsonObject?> config)
    {
        registry.Register(new ReadTool(config));
        registry.Register(new WriteTool(config));
        registry.Register(new EditTool(config));
        registry.Register(new ApplyPatchTool(config));
    }
}
