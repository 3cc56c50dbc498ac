using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using SharpClaw.Agents.Sessions;
using SharpClaw.Agents.Tools;

namespace SharpClaw.Gateway.Http.Tools;

/// <summary>
/// <c>POST /tools/invoke</c> (seed §4.2): 2 MB body <c>{tool, action?, args, sessionKey?, dryRun?}</c>, headers
/// <c>X-OpenClaw-Message-Channel</c> / <c>X-OpenClaw-Account-Id</c> / <c>X-OpenClaw-Message-To</c> / <c>X-OpenClaw-Thread-Id</c>
/// (into the tool context); the tool must pass the
/// <see cref="IToolInvokePolicy"/> (HTTP deny list by default) or the answer is 404; <c>{ok:true,result}</c>.
/// </summary>
internal sealed class ToolsInvokeEndpoint(HttpApiContext api)
{
    public async Task HandleAsync(HttpContext http)
    {
        if (await CompatGate.PostJsonWithAuthAsync(api, http, HttpApiSettings.ToolsInvokeMaxBody) is not { } gate)
        {
            return;
        }

        var body = gate.Body as JsonObject ?? [];
        var name = (ConfigValues.String(body["name"]) ?? ConfigValues.String(body["tool"]))?.Trim();
        if (string.IsNullOrEmpty(name))
        {
            await HttpReplies.OpenAiErrorAsync(http, 400, "tools.invoke requires body.tool");
            return;
        }

        var args = body["args"] is JsonObject a ? (JsonObject)a.DeepClone() : [];
        var action = ConfigValues.String(body["action"]);
        string sessionKey;
        try
        {
            var requested = ConfigValues.String(body["sessionKey"]);
            sessionKey = SessionKey.Resolve(requested, api.Agents.Catalog.DefaultAgent.Id);
        }
        catch (ArgumentException ex)
        {
            await HttpReplies.OpenAiErrorAsync(http, 400, ex.Message);
            return;
        }

        var agentId = SessionKey.AgentOf(sessionKey);
        var agent = api.Agents.Catalog.Find(agentId) ?? api.Agents.Catalog.DefaultAgent;
        var request = new ToolInvokeRequest
        {
            Tool = name,
            Action = action,
            Args = args,
            AgentId = agent.Id,
            SessionKey = sessionKey,
            MessageChannel = OpenAi.ModelAgentResolver.FirstHeader(http.Request, "x-openclaw-message-channel")?.ToLowerInvariant(),
            AccountId = OpenAi.ModelAgentResolver.FirstHeader(http.Request, "x-openclaw-account-id"),
            SenderIsOwner = HttpScopes.IsOwner(gate.Auth, http.Request),
            Config = api.Root,
        };
        if (api.Agents.Tools is not { } registry || !registry.TryGet(name, out var tool) || !api.Extensions.ToolPolicy.IsAllowed(request))
        {
            await HttpReplies.JsonAsync(http, 404, Failure("not_found", $"Tool not available: {name}"));
            return;
        }

        if (action is not null && tool.ParametersSchema["properties"] is JsonObject props && props.ContainsKey("action") && !args.ContainsKey("action"))
        {
            args["action"] = action;
        }

        if (ConfigValues.Bool(body["dryRun"]) == true)
        {
            await DryRunAsync(http, tool, request);
            return;
        }

        var context = new ToolContext(agent.Id, sessionKey, "http-" + api.Time.GetUtcNow().ToUnixTimeMilliseconds(), agent.Workspace)
        {
            MessageChannel = request.MessageChannel,
            AccountId = request.AccountId,
            MessageTo = OpenAi.ModelAgentResolver.FirstHeader(http.Request, "x-openclaw-message-to"),
            ThreadId = OpenAi.ModelAgentResolver.FirstHeader(http.Request, "x-openclaw-thread-id"),
        };
        ToolResult result;
        try
        {
            result = (await tool.InvokeAsync(new ToolInvocation(context.RunId, name, args, context), http.RequestAborted)).Capped();
        }
        catch (ArgumentException ex)
        {
            await HttpReplies.JsonAsync(http, 400, Failure("tool_error", ex.Message));
            return;
        }
        catch (UnauthorizedAccessException ex)
        {
            await HttpReplies.JsonAsync(http, 403, Failure("tool_error", ex.Message));
            return;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            api.Log.LogWarning(ex, "/tools/invoke {Tool} failed", name);
            await HttpReplies.JsonAsync(http, 500, Failure("tool_error", "tool execution failed"));
            return;
        }

        if (result.IsError)
        {
            await HttpReplies.JsonAsync(http, 400, Failure("tool_error", result.Text));
            return;
        }

        var payload = new JsonObject { ["content"] = new JsonArray(new JsonObject { ["type"] = "text", ["text"] = result.Text }) };
        if (result.Details is not null)
        {
            payload["details"] = result.Details.DeepClone();
        }

        await HttpReplies.JsonAsync(http, 200, new JsonObject { ["ok"] = true, ["result"] = payload });
    }

    /// <summary>Validates the arguments against the tool's required properties and reports what would run.</summary>
    private static Task DryRunAsync(HttpContext http, IAgentTool tool, ToolInvokeRequest request)
    {
        var required = ConfigValues.Strings(tool.ParametersSchema["required"]);
        var missing = required.Where(r => !request.Args.ContainsKey(r)).ToList();
        if (missing.Count > 0)
        {
            return HttpReplies.JsonAsync(http, 400, Failure("tool_error", $"missing required argument(s): {string.Join(", ", missing)}"));
        }

        return HttpReplies.JsonAsync(http, 200, new JsonObject
        {
            ["ok"] = true,
            ["dryRun"] = true,
            ["result"] = new JsonObject
            {
                ["tool"] = tool.Name,
                ["args"] = request.Args.DeepClone(),
                ["agentId"] = request.AgentId,
                ["sessionKey"] = request.SessionKey,
                ["wouldRun"] = true,
            },
        });
    }

    private static JsonObject Failure(string type, string message) => new()
    {
        ["ok"] = false,
        ["error"] = new JsonObject { ["type"] = type, ["message"] = message },
    };
}
