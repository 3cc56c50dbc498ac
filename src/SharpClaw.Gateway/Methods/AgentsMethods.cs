using System.Text.Json.Nodes;
using SharpClaw.Agents.Workspace;
using SharpClaw.Gateway.Agents;
using SharpClaw.Gateway.Rpc;
using SharpClaw.Protocol.Frames;

namespace SharpClaw.Gateway.Methods;

/// <summary><c>agents.list</c>, <c>agent.identity.get</c>, <c>agents.files.list/get/set</c>, <c>models.list</c>.</summary>
public sealed class AgentsMethods(AgentServices a, Hosting.GatewayConfiguration config)
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
        registry.Add("agents.create", ctx => WriteAgentAsync(ctx, create: true));
        registry.Add("agents.update", ctx => WriteAgentAsync(ctx, create: false));
        registry.Add("agents.delete", DeleteAgentAsync);
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

    private async ValueTask<JsonPayload> WriteAgentAsync(RpcContext ctx, bool create)
    {
        var p = ParamReader.Object(ctx, "agentId", "id", "name", "workspace", "model", "identity", "thinkingDefault");
        var raw = ParamReader.OptionalString(ctx, p, "agentId", 64) ?? ParamReader.RequiredString(ctx, p, "id", 64);
        var id = SharpClaw.Agents.Sessions.SessionKey.NormalizeAgentId(raw);
        if (!SharpClaw.Agents.Sessions.SessionKey.IsValidAgentId(raw.ToLowerInvariant()))
        {
            throw RpcException.InvalidParams(ctx.Method, $"at /agentId: \"{raw}\" is not a valid agent id (use lower-case letters, digits, - and _; e.g. \"{id}\")");
        }

        var exists = a.Catalog.List().Any(x => x.Id == id);
        if (create && exists)
        {
            throw RpcException.Invalid($"agent {id} already exists (use agents.update)");
        }

        if (!create && !exists)
        {
            throw new RpcException(ErrorShape.InvalidRequest($"unknown agent: {id} (see agents.list)", new JsonObject { ["code"] = "UNKNOWN_AGENT_ID" }));
        }

        var entry = new JsonObject();
        foreach (var prop in p.EnumerateObject())
        {
            if (prop.Name is "agentId" or "id")
            {
                continue;
            }

            entry[prop.Name] = JsonNode.Parse(prop.Value.GetRawText());
        }

        await PatchConfigAsync(ctx, new JsonObject { ["agents"] = new JsonObject { ["entries"] = new JsonObject { [id] = entry } } });
        var agent = a.Catalog.Find(id)!;
        WorkspaceBootstrap.Ensure(agent.Workspace);
        return AgentNode(agent);
    }

    private async ValueTask<JsonPayload> DeleteAgentAsync(RpcContext ctx)
    {
        var p = ParamReader.Object(ctx, "agentId", "id");
        var id = SharpClaw.Agents.Sessions.SessionKey.NormalizeAgentId(ParamReader.OptionalString(ctx, p, "agentId", 64) ?? ParamReader.RequiredString(ctx, p, "id", 64));
        if (id == "main")
        {
            throw RpcException.Invalid("the main agent cannot be deleted");
        }

        if (a.Catalog.List().All(x => x.Id != id))
        {
            throw new RpcException(ErrorShape.InvalidRequest($"unknown agent: {id} (see agents.list)", new JsonObject { ["code"] = "UNKNOWN_AGENT_ID" }));
        }

        await PatchConfigAsync(ctx, new JsonObject { ["agents"] = new JsonObject { ["entries"] = new JsonObject { [id] = null } } });
        return new JsonObject { ["ok"] = true, ["agentId"] = id, ["workspaceKept"] = true };
    }

    private async Task PatchConfigAsync(RpcContext ctx, JsonObject patch)
    {
        var onDisk = await config.Store.ReadFileAsync(ctx.CancellationToken);
        try
        {
            await config.Store.PatchAsync(patch.ToJsonString(), onDisk.Hash, null, ctx.CancellationToken);
        }
        catch (Core.Config.ConfigWriteException ex)
        {
            throw RpcException.Invalid(ex.Message);
        }
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
        SharpClaw.Agents.Workspace.WorkspaceFileCache.Forget();
        return new JsonObject { ["ok"] = true, ["agentId"] = agent.Id, ["path"] = Path.GetRelativePath(agent.Workspace, path), ["size"] = content.Length };
    }
}
