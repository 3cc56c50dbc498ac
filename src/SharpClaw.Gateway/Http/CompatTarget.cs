using Microsoft.AspNetCore.Http;
using SharpClaw.Agents.Workspace;
using SharpClaw.Gateway.Http.OpenAi;

namespace SharpClaw.Gateway.Http;

/// <summary>The agent and backend-model override a compat request addresses (<c>model</c>, agent headers, <c>x-openclaw-model</c>).</summary>
internal sealed record CompatTarget(AgentDefinition Agent, string? ModelOverride)
{
    /// <summary>Resolves the target, or writes 400 (bad model / override) or 404 (no such agent) and returns null.</summary>
    public static async Task<CompatTarget?> ResolveAsync(HttpApiContext api, HttpContext http, string model)
    {
        var agentId = ModelAgentResolver.Resolve(model, http.Request, out var modelError);
        if (modelError is not null)
        {
            await HttpReplies.OpenAiErrorAsync(http, 400, modelError);
            return null;
        }

        if (api.Agents.Catalog.Find(agentId) is not { } agent)
        {
            await HttpReplies.OpenAiErrorAsync(http, 404, $"The model `{model}` does not exist: no agent \"{agentId}\" is configured (see GET /v1/models).", code: "model_not_found");
            return null;
        }

        var modelOverride = HttpRunRequests.ModelOverride(http.Request, out var overrideError);
        if (overrideError is not null)
        {
            await HttpReplies.OpenAiErrorAsync(http, 400, overrideError);
            return null;
        }

        if (modelOverride is not null && NotAllowed(api.Root, agent, modelOverride) is { } qualified)
        {
            await HttpReplies.OpenAiErrorAsync(http, 400, $"Model '{qualified}' is not allowed for agent '{agent.Id}'.");
            return null;
        }

        return new CompatTarget(agent, modelOverride);
    }

    /// <summary>
    /// With an <c>agents.defaults.models</c> allowlist, the override (a bare id takes the agent's default provider)
    /// must be listed; returns the qualified ref when it is not.
    /// </summary>
    private static string? NotAllowed(System.Text.Json.Nodes.JsonObject? root, AgentDefinition agent, string modelOverride)
    {
        if (root?["agents"]?["defaults"]?["models"] is not System.Text.Json.Nodes.JsonObject { Count: > 0 } allowed)
        {
            return null;
        }

        var provider = agent.Model?.Split('/')[0];
        var qualified = modelOverride.Contains('/', StringComparison.Ordinal) || provider is null ? modelOverride : provider + "/" + modelOverride;
        return allowed.ContainsKey(qualified) ? null : qualified;
    }
}
