using System.Text.Json.Nodes;
using SharpClaw.Agents.Workspace;
using SharpClaw.Gateway.Agents;
using SharpClaw.Gateway.Rpc;
using SharpClaw.Protocol.Frames;

namespace SharpClaw.Gateway.Methods;

/// <summary><c>agents.list</c>, <c>agent.identity.get</c>, <c>agents.files.list/get/set</c>, <c>models.list</c>.</summary>
public sealed class AgentsMethods(AgentServices a)
{
    private const long MaxFileBytes = 2 * 1024 * 1024;

    public void Register(MethodRegistry registry)
    {
        registry.Add("agents.list", _ => ValueTask.FromResult(JsonPayload.From(ListNode())));
        registry.Add("agent.identity.get", IdentityAsync);
        registry.Add("agents.files.list", FilesListAsync);
        registry.Add("agents.files.get", FileGetAsync);
        registry.Add("agents.files.set", FileSetAsync);
        registry.Add("models.list", async ctx => JsonPayload.From(new JsonObject { ["models"] = await a.ListModels(ctx.CancellationToken) }));
    }

    public JsonObject ListNode()
    {
        var list = new JsonArray();
        foreach (var agent in a.Catalog.List())
        {
            list.Add((JsonNode)AgentNode(agent));
        }

        return new JsonObject { ["defaultId"] = a.Catalog.DefaultAgent.Id, ["mainKey"] = "main", ["agents"] = list };
    }

    private static JsonObject AgentNode(AgentDefinition agent) => new()
    {
        ["id"] = agent.Id,
        ["name"] = agent.Name ?? agent.Identity.Name ?? agent.Id,
        ["default"] = agent.IsDefault,
        ["workspace"] = agent.Workspace,
        ["model"] = agent.Model is null ? null : new JsonObject { ["primary"] = agent.Model, ["fallbacks"] = JsonNodes.StringArray(agent.Fallbacks) },
        ["identity"] = IdentityNode(agent),
        ["thinkingDefault"] = agent.ThinkingDefault,
    };

    private static JsonObject IdentityNode(AgentDefinition agent) => new()
    {
        ["agentId"] = agent.Id,
        ["name"] = agent.Identity.Name ?? agent.Name ?? agent.Id,
        ["emoji"] = agent.Identity.Emoji,
        ["avatar"] = agent.Identity.Avatar,
        ["theme"] = agent.Identity.Theme,
    };

    private AgentDefinition Agent(RpcContext ctx, System.Text.Json.JsonElement p)
    {
        var id = ParamReader.OptionalString(ctx, p, "agentId", 64);
        return a.Catalog.Find(id) ?? throw new RpcException(ErrorShape.InvalidRequest($"unknown agent: {id} (see agents.list)", new JsonObject { ["code"] = "UNKNOWN_AGENT_ID" }));
    }

    private ValueTask<JsonPayload> IdentityAsync(RpcContext ctx)
        => ValueTask.FromResult(JsonPayload.From(IdentityNode(Agent(ctx, ParamReader.Object(ctx)))));

    private ValueTask<JsonPayload> FilesListAsync(RpcContext ctx)
    {
        var agent = Agent(ctx, ParamReader.Object(ctx));
        WorkspaceBootstrap.Ensure(agent.Workspace);
        var files = new JsonArray();
        var root = new DirectoryInfo(agent.Workspace);
        foreach (var file in root.EnumerateFiles("*", new EnumerationOptions { RecurseSubdirectories = true, MaxRecursionDepth = 4, AttributesToSkip = FileAttributes.ReparsePoint | FileAttributes.Hidden }).Take(2000))
        {
            files.Add((JsonNode)new JsonObject
            {
                ["path"] = Path.GetRelativePath(root.FullName, file.FullName).Replace('\\', '/'),
                ["size"] = file.Length,
                ["updatedAtMs"] = new DateTimeOffset(file.LastWriteTimeUtc).ToUnixTimeMilliseconds(),
                ["bootstrap"] = WorkspaceBootstrap.FileOrder.Contains(file.Name),
            });
        }

        return ValueTask.FromResult(JsonPayload.From(new JsonObject { ["agentId"] = agent.Id, ["workspace"] = agent.Workspace, ["files"] = files }));
    }

    private async ValueTask<JsonPayload> FileGetAsync(RpcContext ctx)
    {
        var p = ParamReader.Object(ctx);
        var agent = Agent(ctx, p);
        var path = WorkspacePath.Resolve(agent.Workspace, ParamReader.RequiredString(ctx, p, "path", 1024), out var error) ?? throw RpcException.Invalid(error!);
        if (!File.Exists(path))
        {
            throw RpcException.Invalid($"file not found in the workspace: {ParamReader.RequiredString(ctx, p, "path")}");
        }

        if (new FileInfo(path).Length > MaxFileBytes)
        {
            throw RpcException.Invalid("file is larger than 2 MB");
        }

        var content = await File.ReadAllTextAsync(path, ctx.CancellationToken);
        return new JsonObject { ["agentId"] = agent.Id, ["path"] = Path.GetRelativePath(agent.Workspace, path), ["content"] = content };
    }

    private async ValueTask<JsonPayload> FileSetAsync(RpcContext ctx)
    {
        var p = ParamReader.Object(ctx);
        var agent = Agent(ctx, p);
        var rel = ParamReader.RequiredString(ctx, p, "path", 1024);
        var content = ParamReader.OptionalString(ctx, p, "content", (int)MaxFileBytes) ?? throw RpcException.InvalidParams(ctx.Method, "must have required property 'content'");
        var path = WorkspacePath.Resolve(agent.Workspace, rel, out var error) ?? throw RpcException.Invalid(error!);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await Core.State.AtomicFile.WriteAllTextAsync(path, content, ctx.CancellationToken);
        return new JsonObject { ["ok"] = true, ["agentId"] = agent.Id, ["path"] = Path.GetRelativePath(agent.Workspace, path), ["size"] = content.Length };
    }
}
