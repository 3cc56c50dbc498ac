using System.Text.Json.Nodes;
using SharpClaw.Agents.Runs;

namespace SharpClaw.Gateway.Agents;

/// <summary>Response payloads for run methods (ws-protocol §8.1, §8.3).</summary>
public static class RunPayloads
{
    public static JsonObject Accepted(AgentRun run) => new()
    {
        ["runId"] = run.RunId,
        ["sessionKey"] = run.SessionKey,
        ["agentId"] = run.AgentId,
        ["status"] = "accepted",
        ["acceptedAt"] = run.AcceptedAtMs,
    };

    public static JsonObject Final(AgentRun run, AgentRunResult r)
    {
        var o = new JsonObject
        {
            ["runId"] = run.RunId,
            ["status"] = r.Status is "aborted" ? "ok" : r.Status,
            ["summary"] = r.Status switch { "ok" => "completed", "aborted" => "aborted", _ => "failed" },
            ["providerStarted"] = r.Provider is not null,
            ["result"] = Result(r),
        };
        if (r.StopReason is not null)
        {
            o["stopReason"] = r.StopReason;
        }

        if (r.Status == "timeout")
        {
            o["timeoutPhase"] = "run";
        }

        return o;
    }

    public static JsonObject Wait(AgentRun run, AgentRunResult? r)
    {
        if (r is null)
        {
            var pending = new JsonObject { ["runId"] = run.RunId, ["status"] = run.Phase == "queued" ? "pending" : "timeout" };
            if (run.Phase == "queued")
            {
                pending["timeoutPhase"] = "queue";
                pending["providerStarted"] = false;
            }

            if (run.StartedAtMs is { } s)
            {
                pending["startedAt"] = s;
            }

            return pending;
        }

        var o = new JsonObject
        {
            ["runId"] = run.RunId,
            ["status"] = r.Status is "aborted" ? "ok" : r.Status,
            ["startedAt"] = r.StartedAtMs,
            ["endedAt"] = r.EndedAtMs,
            ["reply"] = r.Text,
            ["usage"] = RunEventEmitter.UsageNode(r.Usage),
        };
        if (r.Error is not null)
        {
            o["error"] = r.Error;
        }

        if (r.StopReason is not null)
        {
            o["stopReason"] = r.StopReason;
        }

        return o;
    }

    public static JsonObject Result(AgentRunResult r)
    {
        var o = new JsonObject
        {
            ["text"] = r.Text,
            ["usage"] = RunEventEmitter.UsageNode(r.Usage),
            ["costUsd"] = (double)r.CostUsd,
            ["iterations"] = r.Iterations,
        };
        if (r.Provider is not null)
        {
            o["provider"] = r.Provider;
            o["model"] = r.Model;
        }

        if (r.Error is not null)
        {
            o["error"] = r.Error;
            o["errorKind"] = r.ErrorKind;
        }

        return o;
    }
}
