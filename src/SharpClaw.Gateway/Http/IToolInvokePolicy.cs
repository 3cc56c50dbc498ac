namespace SharpClaw.Gateway.Http;

/// <summary>
/// Decides whether <c>/tools/invoke</c> may run a tool. The full agent tool policy pipeline plugs in here;
/// the default (<see cref="PipelineToolInvokePolicy"/>) is the agent tool policy pipeline with its HTTP steps.
/// </summary>
public interface IToolInvokePolicy
{
    /// <summary>True when the tool is available to this HTTP caller.</summary>
    bool IsAllowed(ToolInvokeRequest request);
}
