using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using SharpClaw.Agents.Workspace;

namespace SharpClaw.Gateway.ControlUi;

/// <summary><c>GET|HEAD {basePath}/avatar/{agentId}</c> (and <c>?meta=1</c>).</summary>
internal static class AvatarResponder
{
    public static async Task WriteAsync(HttpContext http, string agentId, AgentCatalog? catalog)
    {
        var agent = AgentAvatar.IsValidId(agentId) ? catalog?.Find(agentId) : null;
        if (agent is null || !string.Equals(agent.Id, agentId, StringComparison.Ordinal))
        {
            await ControlUiMiddleware.NotFoundAsync(http);
            return;
        }

        ControlUiHeaders.Apply(http.Response);
        http.Response.Headers.CacheControl = "no-cache";
        var local = AgentAvatar.LocalFile(agent);
        if (http.Request.Query["meta"] == "1")
        {
            var basePath = http.Request.PathBase + http.Request.Path.Value![..^(agentId.Length + 1)];
            string? url = AgentAvatar.IsRemote(agent.Identity.Avatar) ? agent.Identity.Avatar : local is not null ? $"{basePath}/{agentId}" : null;
            http.Response.ContentType = "application/json; charset=utf-8";
            await ControlUiMiddleware.WriteBodyAsync(http, Encoding.UTF8.GetBytes(new JsonObject { ["avatarUrl"] = url }.ToJsonString()));
            return;
        }

        if (local is not null)
        {
            http.Response.ContentType = ControlUiFiles.ContentType(local) ?? "application/octet-stream";
            await ControlUiMiddleware.WriteBodyAsync(http, await File.ReadAllBytesAsync(local, http.RequestAborted));
            return;
        }

        http.Response.ContentType = "image/svg+xml";
        await ControlUiMiddleware.WriteBodyAsync(http, Encoding.UTF8.GetBytes(AgentAvatar.GeneratedSvg(agent)));
    }
}
