using System.Text.Json.Nodes;
using SharpClaw.Agents.Sessions;
using SharpClaw.Gateway.Agents;
using SharpClaw.Gateway.Rpc;
using SharpClaw.Protocol.Frames;

namespace SharpClaw.Gateway.Methods;

/// <summary>
/// <c>sessions.messages.subscribe</c> / <c>unsubscribe</c> <c>{key, agentId?}</c>: which sessions' run events
/// (<c>agent</c>, <c>chat</c>, …) a connection that declared <c>session-scoped-events</c> receives.
/// Both answer <c>{subscribed, key}</c> with the canonical session key.
/// </summary>
public sealed class SessionSubscriptionMethods(AgentServices a)
{
    public void Register(MethodRegistry registry)
    {
        registry.Add("sessions.messages.subscribe", SubscribeAsync);
        registry.Add("sessions.messages.unsubscribe", UnsubscribeAsync);
    }

    private ValueTask<JsonPayload> SubscribeAsync(RpcContext ctx)
    {
        var p = ParamReader.Object(ctx, "key", "agentId", "includeApprovals");
        if (ParamReader.OptionalBool(ctx, p, "includeApprovals") is { } include)
        {
            if (!include)
            {
                throw RpcException.InvalidParams(ctx.Method, "at /includeApprovals: must be equal to constant true");
            }

            throw new RpcException(ErrorShape.Unavailable("session approval replay unavailable: subscribe without includeApprovals and list pending approvals with exec.approval.list"));
        }

        var key = CanonicalKey(ctx, p);
        if (!ctx.Connection.Subscriptions.Add(key))
        {
            throw RpcException.Invalid($"sessions.messages.subscribe: this connection already follows {Connections.SessionEventSubscriptions.MaxSessions} sessions; unsubscribe from some first");
        }

        return ValueTask.FromResult<JsonPayload>(new JsonObject { ["subscribed"] = true, ["key"] = key });
    }

    private ValueTask<JsonPayload> UnsubscribeAsync(RpcContext ctx)
    {
        var key = CanonicalKey(ctx, ParamReader.Object(ctx, "key", "agentId"));
        ctx.Connection.Subscriptions.Remove(key);
        return ValueTask.FromResult<JsonPayload>(new JsonObject { ["subscribed"] = false, ["key"] = key });
    }

    private string CanonicalKey(RpcContext ctx, System.Text.Json.JsonElement p)
    {
        var raw = ParamReader.RequiredString(ctx, p, "key", SessionKey.MaxLength);
        var agentId = ParamReader.OptionalString(ctx, p, "agentId", 64);
        var agent = a.Catalog.Find(agentId) ?? (agentId is null ? a.Catalog.DefaultAgent : throw RpcException.Invalid($"unknown agent: {agentId}"));
        try
        {
            return SessionKey.Resolve(raw, agent.Id);
        }
        catch (ArgumentException ex)
        {
            throw RpcException.InvalidParams(ctx.Method, ex.Message);
        }
    }
}
