using System.Text.Json.Nodes;
using SharpClaw.Core.Pairing;
using SharpClaw.Core.Security;
using SharpClaw.Gateway.Rpc;
using SharpClaw.Gateway.Runtime;
using SharpClaw.Protocol.Auth;
using SharpClaw.Protocol.Events;
using SharpClaw.Protocol.Frames;

namespace SharpClaw.Gateway.Methods;

/// <summary>Device pairing and device token methods (<c>device.pair.*</c>, <c>device.token.*</c>).</summary>
public sealed class DeviceMethods(GatewayServices s)
{
    public void Register(MethodRegistry registry)
    {
        registry.Add("device.pair.list", ListAsync);
        registry.Add("device.pair.approve", ApproveAsync);
        registry.Add("device.pair.reject", RejectAsync);
        registry.Add("device.pair.remove", RemoveAsync);
        registry.Add("device.token.rotate", RotateAsync);
        registry.Add("device.token.revoke", RevokeAsync);
    }

    private async ValueTask<JsonPayload> ListAsync(RpcContext ctx)
    {
        ParamReader.Object(ctx, []);
        var pending = new JsonArray();
        foreach (var r in await s.Devices.ListRequestsAsync(ctx.CancellationToken))
        {
            pending.Add((JsonNode)RequestNode(r));
        }

        var paired = new JsonArray();
        foreach (var d in await s.Devices.ListDevicesAsync(ctx.CancellationToken))
        {
            var node = new JsonObject
            {
                ["deviceId"] = d.DeviceId,
                ["publicKey"] = d.PublicKey,
                ["roles"] = JsonNodes.StringArray(d.Roles),
                ["scopes"] = JsonNodes.StringArray(d.Scopes),
                ["createdAtMs"] = d.CreatedAtMs,
                ["approvedAtMs"] = d.ApprovedAtMs,
            };
            Add(node, "displayName", d.DisplayName);
            Add(node, "platform", d.Platform);
            Add(node, "deviceFamily", d.DeviceFamily);
            Add(node, "clientId", d.ClientId);
            Add(node, "clientMode", d.ClientMode);
            Add(node, "remoteIp", d.RemoteIp);
            if (d.LastSeenAtMs is { } seen)
            {
                node["lastSeenAtMs"] = seen;
            }

            var tokens = new JsonArray();
            foreach (var t in await s.Devices.ListTokensAsync(d.DeviceId, ctx.CancellationToken))
            {
                var tn = new JsonObject { ["role"] = t.Role, ["scopes"] = JsonNodes.StringArray(t.Scopes), ["createdAtMs"] = t.CreatedAtMs };
                if (t.RotatedAtMs is { } rot)
                {
                    tn["rotatedAtMs"] = rot;
                }

                if (t.RevokedAtMs is { } rev)
                {
                    tn["revokedAtMs"] = rev;
                }

                if (t.LastUsedAtMs is { } used)
                {
                    tn["lastUsedAtMs"] = used;
                }

                tokens.Add((JsonNode)tn);
            }

            node["tokens"] = tokens;
            paired.Add((JsonNode)node);
        }

        return new JsonObject { ["pending"] = pending, ["paired"] = paired };
    }

    private async ValueTask<JsonPayload> ApproveAsync(RpcContext ctx)
    {
        var p = ParamReader.Object(ctx, "requestId");
        var requestId = ParamReader.RequiredString(ctx, p, "requestId", 128);
        var request = await s.Devices.GetRequestAsync(requestId, ctx.CancellationToken)
            ?? throw RpcException.Invalid($"unknown pairing request: {requestId} (list pending requests with device.pair.list)");
        if (request.Role != "operator" && !ctx.IsAdmin)
        {
            throw new RpcException(ErrorShape.MissingScope(OperatorScopes.Admin));
        }

        var device = await s.Devices.ApproveAsync(request, ctx.CancellationToken);
        Resolved(request.RequestId, request.DeviceId, "approved");
        return new JsonObject
        {
            ["requestId"] = request.RequestId,
            ["device"] = new JsonObject
            {
                ["deviceId"] = device.DeviceId,
                ["roles"] = JsonNodes.StringArray(device.Roles),
                ["scopes"] = JsonNodes.StringArray(device.Scopes),
                ["approvedAtMs"] = device.ApprovedAtMs,
            },
        };
    }

    private async ValueTask<JsonPayload> RejectAsync(RpcContext ctx)
    {
        var p = ParamReader.Object(ctx, "requestId");
        var requestId = ParamReader.RequiredString(ctx, p, "requestId", 128);
        var request = await s.Devices.GetRequestAsync(requestId, ctx.CancellationToken)
            ?? throw RpcException.Invalid($"unknown pairing request: {requestId} (list pending requests with device.pair.list)");
        await s.Devices.DeleteRequestAsync(requestId, ctx.CancellationToken);
        Resolved(request.RequestId, request.DeviceId, "rejected");
        return new JsonObject { ["requestId"] = requestId, ["deviceId"] = request.DeviceId };
    }

    private async ValueTask<JsonPayload> RemoveAsync(RpcContext ctx)
    {
        var p = ParamReader.Object(ctx, "deviceId");
        var deviceId = ParamReader.RequiredString(ctx, p, "deviceId", 128);
        if (!await s.Devices.RemoveDeviceAsync(deviceId, ctx.CancellationToken))
        {
            throw RpcException.Invalid($"unknown device: {deviceId}");
        }

        ctx.OnResponded(() => s.Connections.CloseDeviceAsync(deviceId, null, "device removed"));
        s.Connections.Broadcast(EventNames.DevicePairChanged, new JsonObject { ["deviceId"] = deviceId, ["action"] = "removed", ["ts"] = s.Info.NowMs });
        return new JsonObject { ["deviceId"] = deviceId, ["removedAtMs"] = s.Info.NowMs };
    }

    private async ValueTask<JsonPayload> RotateAsync(RpcContext ctx)
    {
        var p = ParamReader.Object(ctx, "deviceId", "role", "scopes");
        var deviceId = ParamReader.RequiredString(ctx, p, "deviceId", 128);
        var role = ParamReader.RequiredString(ctx, p, "role", 32);
        var requested = ParamReader.OptionalStringArray(ctx, p, "scopes");
        var (device, existing) = await AuthorizeTokenChangeAsync(ctx, deviceId, role);
        var scopes = (IReadOnlyList<string>?)requested ?? existing?.Scopes ?? device.Scopes;

        // Never mint more than the device's approved baseline, nor (for non-admins) more than the caller holds.
        if (!OperatorScopes.AllSatisfied((IReadOnlyCollection<string>)device.Scopes, scopes))
        {
            throw RpcException.Invalid("requested scopes exceed the device's approved scopes (approve a scope upgrade first)");
        }

        if (!ctx.IsAdmin && !OperatorScopes.AllSatisfied((IReadOnlyCollection<string>)ctx.Identity.Scopes, scopes))
        {
            throw RpcException.Invalid("requested scopes exceed the caller's scopes");
        }

        var token = await s.Devices.PutTokenAsync(deviceId, role, TokenGenerator.NewDeviceToken(), role == "node" ? [] : scopes, rotated: true, ctx.CancellationToken);
        var sameDevice = ctx.Identity.DeviceId == deviceId && ctx.Identity.AuthMethod == "device-token";
        ctx.OnResponded(() => s.Connections.CloseDeviceAsync(deviceId, role, "device removed"));
        var result = new JsonObject
        {
            ["deviceId"] = deviceId,
            ["role"] = role,
            ["scopes"] = JsonNodes.StringArray(token.Scopes),
            ["rotatedAtMs"] = token.RotatedAtMs ?? s.Info.NowMs,
            ["tokenDelivery"] = sameDevice ? "in-band" : "withheld-cross-device",
        };
        if (sameDevice)
        {
            result["token"] = token.Token;
        }

        return result;
    }

    private async ValueTask<JsonPayload> RevokeAsync(RpcContext ctx)
    {
        var p = ParamReader.Object(ctx, "deviceId", "role");
        var deviceId = ParamReader.RequiredString(ctx, p, "deviceId", 128);
        var role = ParamReader.RequiredString(ctx, p, "role", 32);
        await AuthorizeTokenChangeAsync(ctx, deviceId, role);
        var revoked = await s.Devices.RevokeTokenAsync(deviceId, role, ctx.CancellationToken);
        ctx.OnResponded(() => s.Connections.CloseDeviceAsync(deviceId, role, "device removed"));
        return new JsonObject { ["deviceId"] = deviceId, ["role"] = role, ["revoked"] = revoked, ["revokedAtMs"] = s.Info.NowMs };
    }

    private async Task<(PairedDevice Device, DeviceToken? Token)> AuthorizeTokenChangeAsync(RpcContext ctx, string deviceId, string role)
    {
        if (role != "operator" && !ctx.IsAdmin)
        {
            throw new RpcException(ErrorShape.MissingScope(OperatorScopes.Admin));
        }

        if (!ctx.IsAdmin && ctx.Identity.DeviceId != deviceId)
        {
            throw RpcException.Invalid("only admins can change another device's tokens");
        }

        var device = await s.Devices.GetDeviceAsync(deviceId, ctx.CancellationToken) ?? throw RpcException.Invalid($"unknown device: {deviceId}");
        if (!device.Roles.Contains(role))
        {
            throw RpcException.Invalid($"device {deviceId} is not paired for role {role}");
        }

        return (device, await s.Devices.GetTokenAsync(deviceId, role, ctx.CancellationToken));
    }

    private void Resolved(string requestId, string deviceId, string decision)
        => s.Connections.Broadcast(EventNames.DevicePairResolved, new JsonObject { ["requestId"] = requestId, ["deviceId"] = deviceId, ["decision"] = decision, ["ts"] = s.Info.NowMs });

    private static JsonObject RequestNode(PairingRequest r)
    {
        var node = new JsonObject
        {
            ["requestId"] = r.RequestId,
            ["deviceId"] = r.DeviceId,
            ["publicKey"] = r.PublicKey,
            ["role"] = r.Role,
            ["scopes"] = JsonNodes.StringArray(r.Scopes),
            ["reason"] = r.Reason,
            ["isRepair"] = r.IsRepair,
            ["ts"] = r.CreatedAtMs,
        };
        Add(node, "displayName", r.DisplayName);
        Add(node, "platform", r.Platform);
        Add(node, "deviceFamily", r.DeviceFamily);
        Add(node, "clientId", r.ClientId);
        Add(node, "clientMode", r.ClientMode);
        Add(node, "remoteIp", r.RemoteIp);
        return node;
    }

    private static void Add(JsonObject o, string key, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            o[key] = value;
        }
    }
}
