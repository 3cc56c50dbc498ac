using System.Text.Json.Nodes;
using System.Threading.Channels;
using Microsoft.AspNetCore.Http;
using SharpClaw.Agents.Runs;

namespace SharpClaw.Gateway.Http;

/// <summary>
/// Starts an agent run for an HTTP request: subscribes to the run's events first (so no delta is missed),
/// aborts the run when the client disconnects, and completes the delta stream at the lifecycle end or the result.
/// </summary>
internal static class HttpRunStarter
{
    /// <summary>
    /// <see cref="Start"/> for the OpenAI-compatible endpoints: a request the runtime refuses (bad session key, model or
    /// agent) is answered with an OpenAI-style 400 carrying the reason, and null is returned.
    /// </summary>
    public static async Task<HttpRun?> StartOrRefuseAsync(HttpApiContext api, HttpContext http, AgentRunRequest request)
    {
        try
        {
            return Start(api, http, request);
        }
        catch (ArgumentException ex)
        {
            await HttpReplies.OpenAiErrorAsync(http, 400, ex.Message);
            return null;
        }
    }

    public static HttpRun Start(HttpApiContext api, HttpContext http, AgentRunRequest request)
    {
        var deltas = Channel.CreateUnbounded<string>(new UnboundedChannelOptions { SingleReader = true });
        var ended = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        var tap = api.Agents.RunEvents ?? throw new InvalidOperationException("run events are not wired");
        var subscription = tap.Subscribe(request.RunId, (name, payload) =>
        {
            if (name == "agent" && (string?)payload["stream"] == "assistant" && payload["data"] is JsonObject data && (string?)data["delta"] is { Length: > 0 } delta)
            {
                deltas.Writer.TryWrite(delta);
            }
            else if (name == "agent" && (string?)payload["stream"] == "lifecycle" && (string?)payload["data"]?["phase"] is "end" or "error")
            {
                ended.TrySetResult((string)payload["data"]!["phase"]!);
                deltas.Writer.TryComplete();
            }
        });
        AgentRun run;
        try
        {
            run = api.Agents.Runtime.Start(request).Run;
            api.Extensions.OnRunStarted(request);
        }
        catch
        {
            subscription.Dispose();
            throw;
        }

        _ = run.Completion.ContinueWith(_ => deltas.Writer.TryComplete(), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        var registration = http.RequestAborted.Register(run.Abort);
        return new HttpRun(run, deltas, ended.Task, subscription, registration);
    }
}
