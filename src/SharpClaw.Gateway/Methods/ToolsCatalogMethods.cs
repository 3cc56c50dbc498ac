using System.Text.Json.Nodes;
using SharpClaw.Agents.Tools;
using SharpClaw.Agents.Tools.Policy;
using SharpClaw.Agents.Workspace;
using SharpClaw.Gateway.Rpc;
using SharpClaw.Protocol.Frames;

namespace SharpClaw.Gateway.Methods;

/// <summary>
/// <c>tools.catalog {agentId?, includePlugins?}</c> → <c>{agentId, profiles[{id,label}], groups[{id,label,source,tools[]}]}</c>:
/// the core tools this gateway implements, grouped by section, with the profiles that include each.
/// </summary>
public sealed class ToolsCatalogMethods(AgentCatalog agents, ToolRegistry tools)
{
    public void Register(MethodRegistry registry) => registry.Add("tools.catalog", Catalog);

    private ValueTask<JsonPayload> Catalog(RpcContext ctx)
    {
        var p = ParamReader.Object(ctx, "agentId", "includePlugins");
        var requested = ParamReader.OptionalString(ctx, p, "agentId", 128);
        ParamReader.OptionalBool(ctx, p, "includePlugins");
        var agent = agents.Find(requested) ?? throw RpcException.Invalid($"unknown agent id \"{requested}\" (see agents.list)");
        var profiles = new JsonArray();
        foreach (var (id, label) in ToolCatalog.Profiles)
        {
            profiles.Add((JsonNode)new JsonObject { ["id"] = id, ["label"] = label });
        }

        var implemented = tools.All.Select(t => t.Name).ToHashSet(StringComparer.Ordinal);
        var groups = new JsonArray();
        foreach (var section in ToolCatalog.Sections)
        {
            var entries = new JsonArray();
            foreach (var e in ToolCatalog.Entries.Where(e => e.Section == section.Id && implemented.Contains(e.Id)))
            {
                var registered = tools.TryGet(e.Id, out var tool) ? tool : null;
                entries.Add((JsonNode)new JsonObject
                {
                    ["id"] = e.Id,
                    ["label"] = e.Label,
                    ["description"] = registered?.Description ?? e.Description,
                    ["source"] = "core",
                    ["risk"] = e.Risk,
                    ["defaultProfiles"] = JsonNodes.StringArray(e.Profiles.Append(ToolCatalog.Full)),
                });
            }

            if (entries.Count > 0)
            {
                groups.Add((JsonNode)new JsonObject { ["id"] = section.GroupId, ["label"] = section.Label, ["source"] = "core", ["tools"] = entries });
            }
        }

        return ValueTask.FromResult<JsonPayload>(new JsonObject { ["agentId"] = agent.Id, ["profiles"] = profiles, ["groups"] = groups });
    }
}
