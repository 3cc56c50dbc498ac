using SharpClaw.Agents.Tools.Policy;

namespace SharpClaw.Gateway.Http;

/// <summary>
/// <c>/tools/invoke</c> decides with the same <see cref="ToolPolicyPipeline"/> as agent turns (profiles, groups,
/// allow/alsoAllow/deny, per-agent, per-channel group, sub-agent and owner-only steps), plus the HTTP steps: the
/// default HTTP deny list adjusted by <c>gateway.tools.allow/deny</c>, and the tools never offered over HTTP.
/// </summary>
public sealed class PipelineToolInvokePolicy : IToolInvokePolicy
{
    public bool IsAllowed(ToolInvokeRequest request) => ReasonDenied(request) is null;

    /// <summary>Null when allowed, otherwise the pipeline step that refused the tool.</summary>
    public static string? ReasonDenied(ToolInvokeRequest request) => ToolPolicyPipeline.Check(
        new ToolPolicyRequest
        {
            Config = request.Config,
            AgentId = request.AgentId,
            Channel = request.MessageChannel,
            SenderIsOwner = request.SenderIsOwner,
            SessionKey = request.SessionKey,
            HttpInvoke = true,
        },
        request.Tool);
}
