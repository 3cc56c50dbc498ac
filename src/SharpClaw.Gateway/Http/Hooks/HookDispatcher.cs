using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using SharpClaw.Agents.Runs;
using SharpClaw.Agents.Sessions;
using SharpClaw.Gateway.Agents;

namespace SharpClaw.Gateway.Http.Hooks;

/// <summary>
/// Applies the hook policy (channel, <c>hooks.allowedAgentIds</c>, session-key policy and prefixes, agent rebinding,
/// idempotency) and starts the run with the message marked as untrusted external content. When the run ends its reply
/// is delivered (<c>deliver</c>, <c>channel</c>, <c>to</c>); when it was not, a <c>Hook &lt;name&gt;: …</c> note
/// (saying why delivery failed, if it did) is queued on the default agent's main session.
/// </summary>
internal sealed class HookDispatcher(HttpApiContext api)
{
    private readonly HookIdempotency _idempotency = new(api.Time);
    private readonly HookDelivery _delivery = new(api);

    /// <summary>Queues an untrusted wake event on the main session; returns the effective mode.</summary>
    public string Wake(string text, string? mode)
    {
        var effective = mode == "next-heartbeat" ? "next-heartbeat" : "now";
        var key = SessionKey.Main(api.Agents.Catalog.DefaultAgent.Id);
        api.Agents.SystemEvents.Enqueue(key, new SystemEvent(ExternalContent.Wrap(text, "webhook", withNotice: false), "hook", api.Services.Info.NowMs, effective));
        return effective;
    }

    /// <summary>Returns (status, body): 202 <c>{ok, runId}</c> or 400 <c>{ok:false, error}</c>.</summary>
    public (int Status, JsonObject Body) DispatchAgent(HookAgentAction action, HooksSettings settings, string token, string pathKey)
    {
        if (action.Message.Trim().Length == 0)
        {
            return Fail("message required");
        }

        if (HookChannels.Normalize(action.Channel) is null)
        {
            return Fail(HookChannels.Error);
        }

        string? targetAgent = null;
        if (action.AgentId is { } requested && requested.Trim().Length > 0)
        {
            targetAgent = (api.Agents.Catalog.Find(requested) ?? api.Agents.Catalog.DefaultAgent).Id;
            if (settings.AllowedAgentIds is { } allowed && !allowed.Contains(targetAgent, StringComparer.OrdinalIgnoreCase))
            {
                return Fail("agentId is not allowed by hooks.allowedAgentIds");
            }
        }

        string sessionKey;
        if (action.SessionKey is { Length: > 0 } key)
        {
            if (action.SessionKeyFromRequest && !settings.AllowRequestSessionKey)
            {
                return Fail("sessionKey is disabled for external /hooks/agent payloads; set hooks.allowRequestSessionKey=true to enable");
            }

            sessionKey = key.Trim();
        }
        else
        {
            sessionKey = settings.DefaultSessionKey ?? "hook:" + Guid.NewGuid().ToString("N");
        }

        if (PrefixError(sessionKey, settings) is { } prefixError)
        {
            return Fail(prefixError);
        }

        var dedupeKey = action.IdempotencyKey is { Length: > 0 and <= 256 } idem ? DedupeKey(token, pathKey, action, idem) : null;
        if (dedupeKey is not null && _idempotency.Find(dedupeKey) is { } existing)
        {
            return (StatusCodes.Status202Accepted, new JsonObject { ["ok"] = true, ["runId"] = existing });
        }

        if (targetAgent is not null && SessionKey.TryParseAgentKey(sessionKey, out var keyAgent, out var rest) && keyAgent != targetAgent)
        {
            sessionKey = $"agent:{targetAgent}:{rest}";
            if (PrefixError(sessionKey, settings) is { } reboundError)
            {
                return Fail(reboundError);
            }
        }

        var runId = Guid.NewGuid().ToString();
        var request = new AgentRunRequest
        {
            RunId = runId,
            Message = action.AllowUnsafeExternalContent ? action.Message : ExternalContent.Wrap(action.Message, action.Source),
            AgentId = targetAgent,
            SessionKey = sessionKey,
            Model = action.Model,
            Thinking = action.Thinking,
            TimeoutSeconds = action.TimeoutSeconds,
            Channel = "hook",
        };
        AgentRun run;
        try
        {
            run = api.Agents.Runtime.Start(request).Run;
        }
        catch (ArgumentException ex)
        {
            return Fail(ex.Message);
        }

        api.Extensions.OnRunStarted(request);
        if (dedupeKey is not null)
        {
            _idempotency.Remember(dedupeKey, runId);
        }

        _ = NoteCompletionAsync(run, action);
        return (StatusCodes.Status202Accepted, new JsonObject { ["ok"] = true, ["runId"] = runId });
    }

    private async Task NoteCompletionAsync(AgentRun run, HookAgentAction action)
    {
        var result = await run.Completion;
        string? undelivered = null;
        if (result.Status == "ok" && action.Deliver && IsDeliverable(result.Text))
        {
            undelivered = await _delivery.DeliverAsync(action, run.AgentId, run.SessionKey, run.RunId, result.Text.Trim());
            if (undelivered is null)
            {
                return;
            }

            api.Log.LogWarning("hook {Name}: reply of run {RunId} not delivered: {Reason}", action.Name, run.RunId, undelivered);
        }

        var summary = result.Status == "ok" ? Summarize(result.Text) : result.Error ?? result.Status;
        var label = result.Status switch
        {
            "ok" => $"Hook {action.Name}",
            "error" => $"Hook {action.Name} (error)",
            _ => $"Hook {action.Name} ({result.Status})",
        };
        var note = undelivered is null ? $"{label}: {summary}" : $"{label}: {summary}\n(reply not delivered: {undelivered})";
        var key = SessionKey.Main(api.Agents.Catalog.DefaultAgent.Id);
        api.Agents.SystemEvents.Enqueue(key, new SystemEvent(ExternalContent.Wrap(note, action.Source, withNotice: false), "hook", api.Services.Info.NowMs, action.WakeMode));
    }

    /// <summary>False for an empty reply or the silent token <c>NO_REPLY</c>, which are never sent.</summary>
    private static bool IsDeliverable(string text)
    {
        var t = text.Trim();
        return t.Length > 0 && !t.Equals("NO_REPLY", StringComparison.OrdinalIgnoreCase);
    }

    private static string Summarize(string text)
    {
        var t = text.Trim();
        return t.Length == 0 ? "done" : t.Length <= 500 ? t : t[..500] + "…";
    }

    private static string? PrefixError(string sessionKey, HooksSettings settings)
    {
        var prefixes = settings.AllowedSessionKeyPrefixes;
        if (prefixes.Count == 0 || prefixes.Any(p => sessionKey.StartsWith(p, StringComparison.OrdinalIgnoreCase)))
        {
            return null;
        }

        return "sessionKey must start with one of: " + string.Join(", ", prefixes);
    }

    private static string DedupeKey(string token, string pathKey, HookAgentAction action, string idempotencyKey)
    {
        var fields = $"{pathKey}\n{action.Message}\n{action.Name}\n{action.AgentId}\n{action.SessionKey}\n{action.Deliver}\n{action.Channel}\n{action.To}\n{action.Model}\n{action.Thinking}\n{action.TimeoutSeconds}";
        return Hash(token) + ":" + Hash(fields) + ":" + Hash(idempotencyKey);
    }

    private static string Hash(string s) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(s)));

    private static (int, JsonObject) Fail(string error) => (StatusCodes.Status400BadRequest, new JsonObject { ["ok"] = false, ["error"] = error });
}
