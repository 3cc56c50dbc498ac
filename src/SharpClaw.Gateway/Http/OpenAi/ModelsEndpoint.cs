using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace SharpClaw.Gateway.Http.OpenAi;

/// <summary><c>GET /v1/models</c> and <c>/v1/models/{id}</c>: the agents as OpenAI models (<c>openclaw</c>, <c>openclaw/&lt;agentId&gt;</c>).</summary>
internal sealed class ModelsEndpoint(HttpApiContext api)
{
    public async Task HandleAsync(HttpContext http, string? id)
    {
        var settings = HttpApiSettings.From(api.Root);
        if (!settings.ChatCompletionsEnabled && !settings.ResponsesEnabled)
        {
            await HttpReplies.NotFoundAsync(http);
            return;
        }

        if (!HttpMethods.IsGet(http.Request.Method) && !HttpMethods.IsHead(http.Request.Method))
        {
            await HttpReplies.MethodNotAllowedAsync(http, "GET");
            return;
        }

        if (await CompatGate.AuthorizeAsync(api, http, "operator.read") is null)
        {
            return;
        }

        var models = List();
        if (id is null)
        {
            await HttpReplies.JsonAsync(http, 200, new JsonObject { ["object"] = "list", ["data"] = new JsonArray([.. models]) });
            return;
        }

        var decoded = Uri.UnescapeDataString(id);
        if (models.FirstOrDefault(m => (string?)m["id"] == decoded) is { } model)
        {
            await HttpReplies.JsonAsync(http, 200, model);
            return;
        }

        await HttpReplies.OpenAiErrorAsync(http, 404, $"The model `{decoded}` does not exist.", code: "model_not_found");
    }

    private List<JsonObject> List()
    {
        var created = api.Services.Info.StartedAtMs / 1000;
        var list = new List<JsonObject> { Model("openclaw", created) };
        foreach (var agent in api.Agents.Catalog.List())
        {
            list.Add(Model("openclaw/" + agent.Id, created));
        }

        return list;
    }

    private static JsonObject Model(string id, long created) => new()
    {
        ["id"] = id,
        ["object"] = "model",
        ["created"] = created,
        ["owned_by"] = "openclaw",
    };
}
