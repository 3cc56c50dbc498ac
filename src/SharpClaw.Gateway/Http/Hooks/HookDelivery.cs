using Microsoft.Extensions.Logging;
using SharpClaw.Agents.Sessions;
using SharpClaw.Agents.Tools;

namespace SharpClaw.Gateway.Http.Hooks;

/// <summary>
/// Sends a finished hook run's reply through a message channel. <c>last</c> means the main session's recorded
/// <c>lastChannel</c>/<c>lastTo</c>, else <c>webchat</c>; a <c>webchat</c> delivery without <c>to</c> goes to the
/// agent's main session (its transcript and connected Control UI/CLI clients). Returns null when delivered, else why not.
/// </summary>
internal sealed class HookDelivery(HttpApiContext api)
{
    public async Task<string?> DeliverAsync(HookAgentAction action, string agentId, string sessionKey, string runId, string text)
    {
        var channel = HookChannels.Normalize(action.Channel) ?? "last";
        var to = action.To;
        if (channel == "last")
        {
            var main = await api.Agents.Sessions.GetAsync(SessionKey.Main(agentId), CancellationToken.None);
            channel = ((string?)main?.Entry["lastChannel"])?.Trim().ToLowerInvariant() is { Length: > 0 } last ? last : "webchat";
            to ??= (string?)main?.Entry["lastTo"];
        }

        if (channel == "webchat")
        {
            to ??= SessionKey.Main(agentId);
        }

        if (!api.Agents.Channels.TryGet(channel, out var target))
        {
            return $"channel \"{channel}\" is not available in this gateway (available: {string.Join(", ", api.Agents.Channels.Ids)})";
        }

        if (string.IsNullOrWhiteSpace(to))
        {
            return $"no recipient for channel \"{channel}\": set \"to\" on the hook";
        }

        try
        {
            var result = await target.DeliverAsync(to, text, null, new ToolContext(agentId, sessionKey, runId, string.Empty), CancellationToken.None);
            if ((bool?)result["delivered"] == false)
            {
                return $"channel \"{channel}\" did not deliver to {to}";
            }

            api.Log.LogInformation("hook {Name}: reply delivered via {Channel} to {To}", action.Name, channel, to);
            return null;
        }
        catch (Exception ex) when (ex is ToolArgumentException or ToolRefusedException or InvalidOperationException or IOException or System.Data.Common.DbException)
        {
            return $"channel \"{channel}\" failed: {ex.Message}";
        }
    }
}
