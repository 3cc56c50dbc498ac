using System.Text.Json.Nodes;

namespace SharpClaw.Gateway.Http;

/// <summary>
/// Rewrites a mapped webhook before it runs: receives <c>{payload, headers, url, path}</c> and returns a partial
/// action override (<c>kind, text, mode, message, agentId, sessionKey, deliver, channel, to, model, thinking,
/// timeoutSeconds, name</c>) or null to skip the webhook (204).
/// </summary>
public interface IHookTransform
{
    Task<JsonObject?> TransformAsync(JsonObject input, CancellationToken cancellationToken);
}
