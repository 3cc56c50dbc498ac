using System.Text.Json.Nodes;
using SharpClaw.Agents.Tools.Policy;

namespace SharpClaw.Agents.Tools.Files;

/// <summary>
/// <c>tools.fs.workspaceOnly</c> (per-agent value wins; SharpClaw default <b>true</b>: confined unless turned off) and
/// <c>tools.exec.applyPatch.workspaceOnly</c> (always true unless explicitly false and fs is not confined).
/// </summary>
public static class FileToolSettings
{
    public const int MaxReadBytes = 20 * 1024 * 1024;
    public const int MaxWriteChars = 5 * 1024 * 1024;
    public const int DefaultReadLines = 2000;
    public const int MaxReadOutputChars = 50_000;

    public static bool WorkspaceOnly(JsonObject? config, string agentId)
        => (bool?)ToolPolicyPipeline.AgentTools(config, agentId)?["fs"]?["workspaceOnly"] ?? (bool?)config?["tools"]?["fs"]?["workspaceOnly"] ?? true;

    public static bool ApplyPatchWorkspaceOnly(JsonObject? config, string agentId)
        => WorkspaceOnly(config, agentId) || ((bool?)config?["tools"]?["exec"]?["applyPatch"]?["workspaceOnly"] ?? true);

    public static WorkspaceGuard Guard(JsonObject? config, ToolContext context, bool applyPatch = false)
        => new(context.Workspace, applyPatch ? ApplyPatchWorkspaceOnly(config, context.AgentId) : WorkspaceOnly(config, context.AgentId));
}
