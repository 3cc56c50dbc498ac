using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using SharpClaw.Agents.Runs;
using SharpClaw.Gateway.Http.OpenAi;
using SharpClaw.Providers.Abstractions;

namespace SharpClaw.Gateway.Http.Responses;

/// <summary>
/// <c>POST /v1/responses</c> (seed §4.2, OpenResponses): 20 MB body, strict schema, <c>input</c> string or items,
/// client tools (a client tool call ends the response <c>incomplete</c> with a <c>function_call</c> item; the caller
/// continues with <c>previous_response_id</c> + <c>function_call_output</c>), the seed's exact streaming event order.
/// </summary>
internal sealed class ResponsesEndpoint(HttpApiContext api) : IDisposable
{
    private readonly UrlInputFetcher _fetcher = new();
    private readonly PdfPageRenderer _renderer = new(api.Log, api.Time);
    private readonly ResponseSessionStore _sessions = new(api.Time);

    public async Task HandleAsync(HttpContext http)
    {
        var settings = HttpApiSettings.From(api.Root);
        if (await CompatGate.EnabledPostJsonWithAuthAsync(api, http, settings.ResponsesEnabled, settings.ResponsesMaxBodyBytes) is not { } gate)
        {
            return;
        }

        if (ResponsesSchema.Validate(gate.Body) is { } schemaError)
        {
            await HttpReplies.OpenAiErrorAsync(http, 400, schemaError);
            return;
        }

        var body = (JsonObject)gate.Body;
        var model = ConfigValues.String(body["model"])!;
        if (await CompatTarget.ResolveAsync(api, http, model) is not { Agent: var agent, ModelOverride: var modelOverride })
        {
            return;
        }

        ResponsesInput? input;
        try
        {
            input = await new ResponsesInputBuilder(_fetcher, _renderer).BuildAsync(body, InputLimits.From(settings.ResponsesConfig), http.RequestAborted);
        }
        catch (ResponsesInputBuilder.InputException ex)
        {
            api.Log.LogInformation("/v1/responses input refused: {Reason}", ex.Message);
            var toolProblem = ex.Message.StartsWith("tool_choice", StringComparison.Ordinal);
            await HttpReplies.OpenAiErrorAsync(http, 400, toolProblem ? "invalid tool configuration" : "invalid request");
            return;
        }

        if (input is null)
        {
            await HttpReplies.OpenAiErrorAsync(http, 400, ResponsesInputBuilder.MissingUserMessage);
            return;
        }

        var responseId = "resp_" + Guid.NewGuid().ToString("N");
        var sessionHeader = HttpRunRequests.SessionKeyHeader(http.Request);
        var scope = Scope(gate.Auth, http.Request, agent.Id, sessionHeader);
        var user = ConfigValues.String(body["user"])?.Trim();
        var sessionKey = sessionHeader
            ?? (ConfigValues.String(body["previous_response_id"]) is { } previous ? _sessions.Find(previous, scope) : null)
            ?? (user is { Length: > 0 } ? $"agent:{agent.Id}:openresponses-user:{user.ToLowerInvariant()}" : $"agent:{agent.Id}:openresponses:{Guid.NewGuid():N}");
        var request = new AgentRunRequest
        {
            RunId = responseId,
            Message = input.Prompt,
            AgentId = agent.Id,
            SessionKey = sessionKey,
            Model = modelOverride,
            Thinking = ConfigValues.String(body["reasoning"]?["effort"]),
            ExtraSystemPrompt = input.ExtraSystemPrompt,
            Channel = HttpRunRequests.Channel(http.Request),
            Attachments = input.Images,
            ExtraTools = input.Tools,
            AllowedTools = HttpRunRequests.ToolsForSender(api, gate.Auth, http.Request),
            MaxOutputTokens = ConfigValues.Long(body["max_output_tokens"]) is { } max ? (int)Math.Min(max, int.MaxValue) : null,
        };
        if (await HttpRunStarter.StartOrRefuseAsync(api, http, request) is not { } run)
        {
            return;
        }

        using (run)
        {
            var shapes = new ResponseShapes(responseId, "msg_" + Guid.NewGuid().ToString("N"), model, api.NowSeconds);
            try
            {
                if (ConfigValues.Bool(body["stream"]) == true)
                {
                    await StreamAsync(http, run, shapes);
                }
                else
                {
                    await RespondAsync(http, run, shapes);
                }
            }
            catch (OperationCanceledException) when (http.RequestAborted.IsCancellationRequested)
            {
                // Client gone: the run was aborted through the request-aborted registration.
            }
            finally
            {
                _sessions.Remember(responseId, sessionKey, scope);
            }
        }
    }

    private async Task RespondAsync(HttpContext http, HttpRun run, ResponseShapes shapes)
    {
        var result = await run.Completion.WaitAsync(http.RequestAborted);
        if (result.Status is "error" or "timeout")
        {
            api.Log.LogWarning("response run {RunId} failed: {Error}", run.Run.RunId, result.Error);
            await HttpReplies.JsonAsync(http, 500, shapes.Resource("failed", [], TokenUsage.Zero, ResponseShapes.Failure()));
            return;
        }

        if (result.PendingToolCalls.Count > 0)
        {
            var output = new JsonArray();
            if (result.Text.Length > 0)
            {
                output.Add((JsonNode)shapes.Message(result.Text, "completed", "commentary"));
            }

            output.Add((JsonNode)ResponseShapes.FunctionCall(result.PendingToolCalls[0], withStatus: false));
            await HttpReplies.JsonAsync(http, 200, shapes.Resource("incomplete", output, result.Usage));
            return;
        }

        var text = result.Text.Length > 0 ? result.Text : ChatCompletionsEndpoint.NoResponse;
        await HttpReplies.JsonAsync(http, 200, shapes.Resource("completed", new JsonArray(shapes.Message(text, "completed", "final_answer")), result.Usage));
    }

    private async Task StreamAsync(HttpContext http, HttpRun run, ResponseShapes shapes)
    {
        await HttpReplies.StartEventStreamAsync(http);
        var events = new ResponseEventWriter(http);
        await events.WriteAsync("response.created", new JsonObject { ["response"] = shapes.Resource("in_progress", [], TokenUsage.Zero) });
        await events.WriteAsync("response.in_progress", new JsonObject { ["response"] = shapes.Resource("in_progress", [], TokenUsage.Zero) });
        var pendingItem = shapes.Message(string.Empty, "in_progress", null);
        await events.WriteAsync("response.output_item.added", new JsonObject { ["output_index"] = 0, ["item"] = pendingItem });
        await events.PartAsync("response.content_part.added", shapes.MessageId, new JsonObject { ["part"] = ResponseShapes.OutputText(string.Empty) });
        var text = new StringBuilder();
        await foreach (var delta in run.Deltas.ReadAllAsync(http.RequestAborted))
        {
            text.Append(delta);
            await events.PartAsync("response.output_text.delta", shapes.MessageId, new JsonObject { ["delta"] = delta });
        }

        var result = await run.Completion.WaitAsync(http.RequestAborted);
        if (result.Status is "error" or "timeout")
        {
            api.Log.LogWarning("response run {RunId} failed: {Error}", run.Run.RunId, result.Error);
            await events.WriteAsync("response.failed", new JsonObject { ["response"] = shapes.Resource("failed", [], TokenUsage.Zero, ResponseShapes.Failure()) });
            await events.DoneAsync();
            return;
        }

        var toolCall = result.PendingToolCalls.Count > 0 ? result.PendingToolCalls[0] : null;
        var final = text.Length > 0 ? text.ToString() : result.Text.Length > 0 ? result.Text : toolCall is null ? ChatCompletionsEndpoint.NoResponse : string.Empty;
        if (text.Length == 0 && final.Length > 0)
        {
            await events.PartAsync("response.output_text.delta", shapes.MessageId, new JsonObject { ["delta"] = final });
        }

        await events.PartAsync("response.output_text.done", shapes.MessageId, new JsonObject { ["text"] = final });
        await events.PartAsync("response.content_part.done", shapes.MessageId, new JsonObject { ["part"] = ResponseShapes.OutputText(final) });
        var message = shapes.Message(final, "completed", toolCall is null ? "final_answer" : "commentary");
        await events.WriteAsync("response.output_item.done", new JsonObject { ["output_index"] = 0, ["item"] = message });
        var output = new JsonArray(message.DeepClone());
        var status = "completed";
        if (toolCall is not null)
        {
            var call = ResponseShapes.FunctionCall(toolCall, withStatus: false);
            await events.WriteAsync("response.output_item.added", new JsonObject { ["output_index"] = 1, ["item"] = call.DeepClone() });
            call["status"] = "completed";
            await events.WriteAsync("response.output_item.done", new JsonObject { ["output_index"] = 1, ["item"] = call.DeepClone() });
            output.Add((JsonNode)call);
            status = "incomplete";
        }

        await events.WriteAsync("response.completed", new JsonObject { ["response"] = shapes.Resource(status, output, result.Usage) });
        await events.DoneAsync();
    }

    /// <summary>Who may continue a response: the bearer secret's hash (or the auth mode), the agent and the session header.</summary>
    private static string Scope(HttpAuthResult auth, HttpRequest request, string agentId, string? sessionHeader)
    {
        var subject = HttpAuthenticator.ReadCredential(request) is { } secret
            ? "bearer:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)))
            : "gateway-auth:" + auth.Method;
        return $"{subject}|{agentId}|{sessionHeader}";
    }

    public void Dispose()
    {
        _fetcher.Dispose();
        _renderer.Dispose();
    }
}
