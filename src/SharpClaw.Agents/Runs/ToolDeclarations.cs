using System.Runtime.CompilerServices;
using System.Text.Json;
using Microsoft.Extensions.AI;
using SharpClaw.Agents.Tools;

namespace SharpClaw.Agents.Runs;

/// <summary>
/// The model-facing declaration of each tool (name, description, JSON schema), built once per tool instance
/// instead of once per model call. A tool's schema is fixed for its lifetime; a changed description rebuilds it.
/// </summary>
internal static class ToolDeclarations
{
    private static readonly ConditionalWeakTable<IAgentTool, AITool> Cache = new();

    public static AITool Of(IAgentTool tool)
    {
        if (Cache.TryGetValue(tool, out var cached) && cached.Name == tool.Name && cached.Description == tool.Description)
        {
            return cached;
        }

        var declaration = AIFunctionFactory.CreateDeclaration(tool.Name, tool.Description, JsonSerializer.Deserialize(tool.ParametersSchema.ToJsonString(), Json.AgentsJsonContext.Default.JsonElement));
        Cache.AddOrUpdate(tool, declaration);
        return declaration;
    }
}
