using System.Text.Json.Nodes;
using SharpClaw.Agents.Tools.Exec;
using SharpClaw.Gateway.Rpc;
using SharpClaw.Protocol.Frames;

namespace SharpClaw.Gateway.Methods;

/// <summary>
/// <c>exec.approval.request | waitDecision | resolve | get | list</c> (operator.approvals). A resolve names only the id and
/// the decision; what runs is the command stored with the request. Double resolve and unknown ids are refused.
/// </summary>
public sealed class ExecApprovalMethods(ExecApprovalManager approvals)
{
    private static readonly string[] RequestParams =
    [
        "id", "command", "commandArgv", "systemRunPlan", "env", "cwd", "nodeId", "host", "security", "ask", "warningText", "scope",
        "unavailableDecisions", "commandSpans", "agentId", "resolvedPath", "sessionKey", "sessionId", "runId", "toolCallId",
        "turnSourceChannel", "turnSourceTo", "turnSourceAccountId", "turnSourceThreadId", "approvalReviewerDeviceIds",
        "requireDeliveryRoute", "suppressDelivery", "deliverToApprovalClientsOnly", "timeoutMs", "twoPhase",
    ];

    public void Register(MethodRegistry registry)
    {
        registry.Add("exec.approval.request", RequestAsync);
        registry.Add("exec.approval.waitDecision", WaitDecisionAsync);
        registry.Add("exec.approval.resolve", Resolve);
        registry.Add("exec.approval.get", Get);
        registry.Add("exec.approval.list", List);
    }

    private async ValueTask<JsonPayload> RequestAsync(RpcContext ctx)
    {
        var p = ParamReader.Object(ctx, RequestParams);
        var command = ParamReader.RequiredString(ctx, p, "command", 16_384);
        var id = ParamReader.OptionalString(ctx, p, "id", 128);
        var request = new ExecApprovalRequest
        {
            Command = command,
            Cwd = ParamReader.OptionalString(ctx, p, "cwd"),
            AgentId = ParamReader.OptionalString(ctx, p, "agentId", 128),
            SessionKey = ParamReader.OptionalString(ctx, p, "sessionKey", 512),
            RunId = ParamReader.OptionalString(ctx, p, "runId", 256),
            Security = ParamReader.OptionalString(ctx, p, "security", 32),
            Ask = ParamReader.OptionalString(ctx, p, "ask", 32),
            Reason = ParamReader.OptionalString(ctx, p, "warningText", 2000),
            AllowAlwaysAvailable = ParamReader.OptionalStringArray(ctx, p, "unavailableDecisions", 1)?.Contains("allow-always") != true,
            TimeoutMs = ParamReader.OptionalLong(ctx, p, "timeoutMs", 1, ExecApprovalManager.DefaultTimeoutMs * 4),
        };
        PendingApproval record;
        try
        {
            record = approvals.Register(request, id);
        }
        catch (InvalidOperationException ex)
        {
            throw RpcException.Invalid(ex.Message);
        }

        if (ParamReader.OptionalBool(ctx, p, "twoPhase") == true)
        {
            ctx.SendInterim(new JsonObject { ["status"] = "accepted", ["id"] = record.Id, ["createdAtMs"] = record.CreatedAtMs, ["expiresAtMs"] = record.ExpiresAtMs });
        }

        var decision = await record.DecisionTask.WaitAsync(ctx.CancellationToken);
        return Describe(record, decision == "timeout" ? null : decision);
    }

    private async ValueTask<JsonPayload> WaitDecisionAsync(RpcContext ctx)
    {
        var p = ParamReader.Object(ctx, "id", "timeoutMs");
        var record = Find(ctx, ParamReader.RequiredString(ctx, p, "id", 128));
        var decision = await record.DecisionTask.WaitAsync(ctx.CancellationToken);
        return Describe(record, decision == "timeout" ? null : decision);
    }

    private ValueTask<JsonPayload> Resolve(RpcContext ctx)
    {
        var p = ParamReader.Object(ctx, "id", "decision", "reviewer", "grantExpiresInDays");
        var id = ParamReader.RequiredString(ctx, p, "id", 128);
        var decision = ParamReader.RequiredString(ctx, p, "decision", 32);
        if (!ExecApprovalManager.Decisions.Contains(decision))
        {
            throw RpcException.InvalidParams(ctx.Method, "decision must be allow-once, allow-always or deny");
        }

        Find(ctx, id);
        var by = ctx.Identity.DeviceId ?? ctx.Connection.ConnId;
        if (approvals.Resolve(id, decision, by) is { } refusal)
        {
            throw RpcException.Invalid(refusal);
        }

        return ValueTask.FromResult<JsonPayload>(new JsonObject { ["ok"] = true, ["id"] = id, ["decision"] = decision });
    }

    private ValueTask<JsonPayload> Get(RpcContext ctx)
    {
        var p = ParamReader.Object(ctx, "id");
        var record = Find(ctx, ParamReader.RequiredString(ctx, p, "id", 128));
        return ValueTask.FromResult<JsonPayload>(Describe(record, record.Decision));
    }

    private ValueTask<JsonPayload> List(RpcContext ctx)
    {
        ParamReader.Object(ctx);
        var list = new JsonArray();
        foreach (var r in approvals.Pending)
        {
            list.Add((JsonNode)Describe(r, null));
        }

        return ValueTask.FromResult<JsonPayload>(new JsonObject { ["approvals"] = list });
    }

    private PendingApproval Find(RpcContext ctx, string id)
        => approvals.Get(id) ?? throw new RpcException(new ErrorShape(ErrorCodes.ApprovalNotFound, $"unknown or expired approval id: {id}", null));

    private static JsonObject Describe(PendingApproval r, string? decision) => new()
    {
        ["id"] = r.Id,
        ["request"] = r.RequestPayload(),
        ["createdAtMs"] = r.CreatedAtMs,
        ["expiresAtMs"] = r.ExpiresAtMs,
        ["decision"] = decision,
    };
}
