using System.Text.Json.Nodes;
using SharpClaw.Agents.Workspace;
using SharpClaw.Gateway.Runtime;

namespace SharpClaw.Gateway.ControlUi;

/// <summary>The <c>__openclaw/control-ui-config.json</c> document the app reads before it connects (http-surfaces §6.4).</summary>
internal static class ControlUiBootstrap
{
    public static JsonObject Build(string basePath, AgentDefinition agent, GatewayRuntimeSettings settings)
    {
        var avatar = agent.Identity.Avatar;
        return new JsonObject
        {
            ["basePath"] = basePath,
            ["assistantName"] = agent.Identity.Name ?? agent.Name ?? "Assistant",
            ["assistantAvatar"] = AgentAvatar.IsRemote(avatar) ? avatar : $"{basePath}/avatar/{agent.Id}",
            ["assistantAgentId"] = agent.Id,
            ["serverVersion"] = GatewayInfo.Version,
            ["localMediaPreviewRoots"] = new JsonArray(),
            ["embedSandbox"] = settings.ControlUiEmbedSandbox is "strict" or "scripts" or "trusted" ? settings.ControlUiEmbedSandbox : "scripts",
            ["allowExternalEmbedUrls"] = false,
        };
    }
}
