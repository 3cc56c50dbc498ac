using System.Text.Json.Nodes;
using SharpClaw.Gateway.Rpc;
using SharpClaw.Gateway.Runtime;
using SharpClaw.Protocol.Frames;

namespace SharpClaw.Gateway.Methods;

/// <summary><c>node.list</c> / <c>node.describe</c>: paired node devices and live node connections.</summary>
public sealed class NodeMethods(GatewayServices s)
{
    public void Register(MethodRegistry registry)
    {
        registry.Add("node.list", ListAsync);
        registry.Add("node.describe", DescribeAsync);
    }

    private async ValueTask<JsonPayload> ListAsync(RpcContext ctx)
    {
        ParamReader.Object(ctx);
        var nodes = new JsonArray();
        foreach (var n in await CollectAsync(ctx.CancellationToken))
        {
            nodes.Add((JsonNode)n);
        }

        return new JsonObject { ["ts"] = s.Info.NowMs, ["nodes"] = nodes };
    }

    private async ValueTask<JsonPayload> DescribeAsync(RpcContext ctx)
    {
        var p = ParamReader.Object(ctx, "nodeId");
        var nodeId = ParamReader.RequiredString(ctx, p, "nodeId", 128);
        var node = (await CollectAsync(ctx.CancellationToken)).FirstOrDefault(n => (string?)n["nodeId"] == nodeId)
            ?? throw RpcException.Invalid($"unknown node: {nodeId} (see node.list)");
        return node;
    }

    private async Task<List<JsonObject>> CollectAsync(CancellationToken ct)
    {
        var live = s.Connections.Authenticated.Where(c => c.Identity!.Role == "node").ToList();
        var result = new List<JsonObject>();
        foreach (var d in (await s.Devices.ListDevicesAsync(ct)).Where(d => d.Roles.Contains("node")))
        {
            var conn = live.FirstOrDefault(c => c.Identity!.DeviceId == d.DeviceId);
            var node = new JsonObject
            {
                ["nodeId"] = d.DeviceId,
                ["displayName"] = d.DisplayName ?? d.DeviceId[..12],
                ["platform"] = d.Platform,
                ["paired"] = true,
                ["connected"] = conn is not null,
                ["approvedAtMs"] = d.ApprovedAtMs,
                ["caps"] = JsonNodes.StringArray(conn?.Identity!.Caps ?? (IEnumerable<string>)[]),
            };
            if (conn is not null)
            {
                node["connectedAtMs"] = conn.ConnectedAtMs;
                node["version"] = conn.Identity!.Client.Version;
            }

            result.Add(node);
        }

        return result;
    }
}
