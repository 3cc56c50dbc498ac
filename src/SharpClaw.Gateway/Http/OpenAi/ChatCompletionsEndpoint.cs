using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using SharpClaw.Agents.Runs;
using SharpClaw.Agents.Sessions;

namespace SharpClaw.Gateway.Http.OpenAi;

/// <summary>
/// <c>POST /v1/chat/completions</c> (seed §4.2): 1 MB body, <c>model</c> → agent, the conversation condensed into
/// one agent turn on session <c>openai:&lt;ip&gt;:&lt;agentId&gt;:&lt;user&gt;</c>, a <c>chat.completion</c> or a
/// <c>chat.completion.chunk</c> SSE stream ending in <c>data: [DONE]</c>.
/// </summary>
internal sealed class ChatCompletionsEndpoint(HttpApiContext api)
{
    public const string NoResponse = "No response from OpenClaw.";

    public async Task HandleAsync(HttpContext http)
    {
        var settings = HttpApiSettings.From(api.Root);
        if (await CompatGate.EnabledPostJsonWithAuthAsync(api, http, settings.ChatCompletionsEnabled, settings.ChatCompletionsMaxBodyBytes) is not { } gate)
        {
            return;
        }

        if (gate.Body is not JsonObject body)
        {
            await HttpReplies.OpenAiErrorAsync(http, 400, "The request body must be a JSON object.");
            return;
        }

        var model = ConfigValues.String(body["model"]) ?? "openclaw";
        if (await CompatTarget.ResolveAsync(api, http, model) is not { Agent: var agent, ModelOverride: var modelOverride })
        {
            return;
        }

        if (ChatRequestReader.Read(body, out var inputError) is not { } input)
        {
            await HttpReplies.OpenAiErrorAsync(http, 400, inputError!);
            return;
        }

        var request = new AgentRunRequest
        {
            RunId = "chatcmpl_" + Guid.NewGuid().ToString("N"),
            Message = input.Prompt,
            AgentId = agent.Id,
            SessionKey = HttpRunRequests.SessionKeyHeader(http.Request) ?? SessionKey.OpenAi(HttpRunRequests.ClientIp(http), agent.Id, input.User ?? Guid.NewGuid().ToString("N")),
            Model = modelOverride,
            ExtraSystemPrompt = input.ExtraSystemPrompt,
            Channel = HttpRunRequests.Channel(http.Request),
            Attachments = input.Images,
            ExtraTools = input.Tools,
            AllowedTools = HttpRunRequests.ToolsForSender(api, gate.Auth, http.Request),
        };
        if (await HttpRunStarter.StartOrRefuseAsync(api, http, request) is not { } run)
        {
            return;
        }

        using (run)
        {
            var chunks = new ChatChunkWriter(http, request.RunId, model, api.NowSeconds);
            try
            {
                if (input.Stream)
                {
                    await StreamAsync(http, run, chunks, input.IncludeUsage);
                }
                else
                {
                    await RespondAsync(http, run, chunks);
                }
            }
            catch (OperationCanceledException) when (http.RequestAborted.IsCancellationRequested)
            {
                // The client went away; the run was aborted through the request-aborted registration.
            }
        }
    }

    private async Task RespondAsync(HttpContext http, HttpRun run, ChatChunkWriter chunks)
    {
        var result = await run.Completion.WaitAsync(http.RequestAborted);
        if (result.Status is "error" or "timeout")
        {
            api.Log.LogWarning("chat completion run {RunId} failed: {Error}", run.Run.RunId, result.Error);
            await HttpReplies.OpenAiErrorAsync(http, 500, "internal error", "api_error");
            return;
        }

        var message = new JsonObject { ["role"] = "assistant" };
        var finish = "stop";
        if (result.PendingToolCalls.Count > 0)
        {
            message["content"] = result.Text.Length > 0 ? result.Text : null;
            message["tool_calls"] = ChatChunkWriter.ToolCalls(result.PendingToolCalls, withIndex: false);
            finish = "tool_calls";
        }
        else
        {
            message["content"] = result.Text.Length > 0 ? result.Text : NoResponse;
        }

        var completion = chunks.Envelope("chat.completion");
        completion["choices"] = new JsonArray(new JsonObject { ["index"] = 0, ["message"] = message, ["finish_reason"] = finish });
        completion["usage"] = CompatUsage.Chat(result.Usage);
        await HttpReplies.JsonAsync(http, 200, completion);
    }

    private async Task StreamAsync(HttpContext http, HttpRun run, ChatChunkWriter chunks, bool includeUsage)
    {
        await HttpReplies.StartEventStreamAsync(http);
        var streamed = false;
        await foreach (var delta in run.Deltas.ReadAllAsync(http.RequestAborted))
        {
            await chunks.ContentAsync(delta);
            streamed = true;
        }

        var result = await run.ResultAsync(includeUsage, api.Time, http.RequestAborted);
        if (result.Status is "error" or "timeout")
        {
            api.Log.LogWarning("chat completion run {RunId} failed: {Error}", run.Run.RunId, result.Error);
            await chunks.ContentAsync("Error: internal error", finishReason: "stop");
        }
        else
        {
            if (!streamed && result.PendingToolCalls.Count == 0)
            {
                await chunks.ContentAsync(result.Text.Length > 0 ? result.Text : NoResponse);
            }

            if (result.PendingToolCalls.Count > 0)
            {
                await chunks.ToolCallsAsync(result.PendingToolCalls);
            }

            await chunks.FinishAsync(result.PendingToolCalls.Count > 0 ? "tool_calls" : "stop");
        }

        if (includeUsage)
        {
            await chunks.UsageAsync(result.Status is "error" or "timeout" ? SharpClaw.Providers.Abstractions.TokenUsage.Zero : result.Usage);
        }

        await HttpReplies.SseDataAsync(http, "[DONE]");
    }
}
