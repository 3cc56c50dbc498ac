using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Logging;

namespace SharpClaw.Gateway.Http;

/// <summary>
/// <c>ANY /api/channels/*</c>: gateway auth first for every spelling of the prefix (case, %-encoding, dot-segments,
/// doubled slashes), then only plain paths reach a handler — encoded slashes or dots, <c>..</c>, empty segments and
/// trailing slashes are refused with 400. Handlers come from <see cref="HttpExtensionRegistry.AddChannelRoute"/>.
/// </summary>
internal sealed class ChannelRoutesEndpoint(HttpApiContext api)
{
    public async Task<bool> TryHandleAsync(HttpContext http)
    {
        var raw = http.Features.Get<IHttpRequestFeature>()?.RawTarget ?? http.Request.Path.Value ?? "/";
        var rawPath = raw.Split('?')[0];
        var canonical = ChannelRoutePaths.Canonicalize(rawPath);
        var decoded = ChannelRoutePaths.Canonicalize(http.Request.Path.Value ?? "/");
        if (!ChannelRoutePaths.IsProtected(canonical) && !ChannelRoutePaths.IsProtected(decoded))
        {
            return false;
        }

        var auth = await api.Auth.AuthenticateAsync(http);
        if (!auth.Ok)
        {
            await HttpReplies.AuthFailureAsync(http, auth);
            return true;
        }

        if (canonical is null || !ChannelRoutePaths.IsPlain(rawPath))
        {
            await HttpReplies.OpenAiErrorAsync(http, 400, "Refused channel route path: encoded separators or dots, '..', empty segments and trailing slashes are not allowed; request the plain /api/channels/<channel>/... path.");
            return true;
        }

        if (api.Extensions.FindChannelRoute(canonical) is not { } route)
        {
            await HttpReplies.NotFoundAsync(http);
            return true;
        }

        try
        {
            await route.Handler(http);
        }
        catch (Exception ex) when (ex is not OperationCanceledException && !http.Response.HasStarted)
        {
            api.Log.LogError(ex, "channel route {Route} failed", route.Path);
            await HttpReplies.TextAsync(http, 500, "Internal Server Error");
        }

        return true;
    }
}
