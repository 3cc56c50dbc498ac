using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using SharpClaw.Gateway.Http.OpenAi;
using SharpClaw.Gateway.Runtime;

namespace SharpClaw.Gateway.Http;

/// <summary>
/// The gateway's HTTP APIs on the shared port, tried in OpenClaw's stage order: webhooks (under
/// <c>hooks.path</c>), <c>/v1/models</c>, <c>/tools/invoke</c>, <c>/v1/responses</c>, <c>/v1/chat/completions</c>,
/// <c>/api/channels/*</c>. Paths are matched per request so config reloads apply without a restart.
/// </summary>
internal sealed class HttpSurfaces : IDisposable
{
    private readonly HttpApiContext _api;
    private readonly ChatCompletionsEndpoint _chat;
    private readonly ModelsEndpoint _models;
    private readonly Tools.ToolsInvokeEndpoint _tools;
    private readonly Hooks.HooksEndpoint _hooks;
    private readonly Responses.ResponsesEndpoint _responses;
    private readonly ChannelRoutesEndpoint _channels;

    private HttpSurfaces(HttpApiContext api)
    {
        _api = api;
        _chat = new ChatCompletionsEndpoint(api);
        _models = new ModelsEndpoint(api);
        _tools = new Tools.ToolsInvokeEndpoint(api);
        _hooks = new Hooks.HooksEndpoint(api);
        _responses = new Responses.ResponsesEndpoint(api);
        _channels = new ChannelRoutesEndpoint(api);
    }

    /// <summary>Adds the HTTP API middleware (called once from <c>GatewayHost</c>).</summary>
    public static void Map(WebApplication app, GatewayServices services, Func<JsonObject?> root, HttpAuthenticator auth)
    {
        var api = new HttpApiContext(services, services.Agents ?? throw new InvalidOperationException("agent services are not composed"), root, auth, services.HttpExtensions);
        var surfaces = new HttpSurfaces(api);
        app.Lifetime.ApplicationStopped.Register(surfaces.Dispose);
        app.Use(async (http, next) =>
        {
            if (!await surfaces.TryHandleAsync(http))
            {
                await next(http);
                if (!http.Response.HasStarted && http.Response.StatusCode == StatusCodes.Status404NotFound)
                {
                    // Nothing handled the path (e.g. "/" with the Control UI off): a plain "Not Found", as OpenClaw answers.
                    await HttpReplies.NotFoundAsync(http);
                }
            }
        });
    }

    private async Task<bool> TryHandleAsync(HttpContext http)
    {
        var path = http.Request.Path.Value ?? "/";
        try
        {
            if (await _hooks.TryHandleAsync(http, path))
            {
                return true;
            }

            switch (path)
            {
                case "/v1/models":
                    await _models.HandleAsync(http, null);
                    return true;
                case "/tools/invoke":
                    await _tools.HandleAsync(http);
                    return true;
                case "/v1/responses":
                    await _responses.HandleAsync(http);
                    return true;
                case "/v1/chat/completions":
                    await _chat.HandleAsync(http);
                    return true;
            }

            if (path.StartsWith("/v1/models/", StringComparison.Ordinal))
            {
                await _models.HandleAsync(http, path["/v1/models/".Length..]);
                return true;
            }

            return await _channels.TryHandleAsync(http);
        }
        catch (Exception ex) when (!http.Response.HasStarted && ex is not OperationCanceledException)
        {
            _api.Log.LogError(ex, "HTTP {Path} failed", path);
            await HttpReplies.OpenAiErrorAsync(http, 500, "internal error", "api_error");
            return true;
        }
    }

    public void Dispose()
    {
        _responses.Dispose();
        _hooks.Dispose();
    }
}
