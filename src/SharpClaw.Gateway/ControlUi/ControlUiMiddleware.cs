using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using SharpClaw.Agents.Workspace;
using SharpClaw.Gateway.Runtime;

namespace SharpClaw.Gateway.ControlUi;

/// <summary>
/// Serves the Control UI under <c>gateway.controlUi.basePath</c> (http-surfaces §6.4): static assets, the SPA
/// fallback to index.html, the bootstrap config and agent avatars. Runs after routing, so any endpoint mapped by
/// the gateway (probes, HTTP APIs) wins; only GET and HEAD are handled, everything else falls through.
/// </summary>
internal sealed class ControlUiMiddleware(GatewayServices services, Func<string, string?> environment)
{
    private const string ConfigPath = "__openclaw/control-ui-config.json";

    private readonly CompressedAssets _compressed = new();

    private static readonly string[] RootReserved = ["health", "healthz", "ready", "readyz", "api", "plugins", "v1", "tools", "hooks", "sessions", "__openclaw__"];

    /// <summary>Adds the Control UI to the pipeline (one line in the host).</summary>
    public static void Use(WebApplication app, GatewayServices services, Func<string, string?> environment)
    {
        var ui = new ControlUiMiddleware(services, environment);
        app.Use(ui.InvokeAsync);
    }

    public async Task InvokeAsync(HttpContext http, RequestDelegate next)
    {
        var settings = services.Settings();
        var method = http.Request.Method;
        if (!settings.ControlUiEnabled || !(HttpMethods.IsGet(method) || HttpMethods.IsHead(method)) || http.GetEndpoint() is not null)
        {
            await next(http);
            return;
        }

        var basePath = ControlUiPaths.NormalizeBasePath(settings.ControlUiBasePath);
        var path = http.Request.Path.Value ?? "/";
        string relative;
        if (basePath.Length > 0)
        {
            if (path == basePath)
            {
                http.Response.StatusCode = StatusCodes.Status302Found;
                http.Response.Headers.Location = basePath + "/" + http.Request.QueryString;
                return;
            }

            if (!path.StartsWith(basePath + "/", StringComparison.Ordinal))
            {
                await next(http);
                return;
            }

            relative = path[(basePath.Length + 1)..];
        }
        else
        {
            relative = path.TrimStart('/');
            var segments = relative.Split('/');
            var first = segments[0];
            if (first == "ui")
            {
                await NotFoundAsync(http);
                return;
            }

            // "/sessions" is a UI page; "/sessions/<key>/…" belongs to the session HTTP routes.
            if (RootReserved.Contains(first, StringComparer.OrdinalIgnoreCase) && (first != "sessions" || segments.Length > 1))
            {
                await next(http);
                return;
            }
        }

        if (relative == ConfigPath)
        {
            await WriteConfigAsync(http, basePath, settings);
            return;
        }

        if (relative.StartsWith("avatar/", StringComparison.Ordinal))
        {
            await AvatarResponder.WriteAsync(http, relative["avatar/".Length..], services.Agents?.Catalog);
            return;
        }

        if (relative.StartsWith("__openclaw", StringComparison.Ordinal))
        {
            await NotFoundAsync(http);
            return;
        }

        await ServeAssetAsync(http, relative, settings);
    }

    private async Task ServeAssetAsync(HttpContext http, string relative, GatewayRuntimeSettings settings)
    {
        var root = ControlUiPaths.ResolveRoot(settings.ControlUiRoot, environment);
        var index = Path.Combine(root, "index.html");
        if (!File.Exists(index))
        {
            ControlUiHeaders.Apply(http.Response);
            http.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            http.Response.ContentType = "text/plain; charset=utf-8";
            await http.Response.WriteAsync($"Control UI assets not found. Build them with `scripts/build-ui.sh` (npm ci + npm run build in ui/; the gateway build copies ui/dist next to the executable as control-ui/), or point gateway.controlUi.root / {ControlUiPaths.RootEnvironmentVariable} at a built UI. Looked in: {root}");
            return;
        }

        var file = relative.Length == 0 || relative == "index.html" ? index : ControlUiFiles.Find(root, relative);
        if (file is null && ControlUiFiles.HasStaticExtension(relative))
        {
            await NotFoundAsync(http);
            return;
        }

        if (file is null || file == index)
        {
            var html = await File.ReadAllTextAsync(index, http.RequestAborted);
            ControlUiHeaders.Apply(http.Response, ControlUiHeaders.InlineScriptHashes(html));
            http.Response.ContentType = "text/html; charset=utf-8";
            http.Response.Headers.CacheControl = "no-cache";
            await WriteBodyAsync(http, Encoding.UTF8.GetBytes(html));
            return;
        }

        ControlUiHeaders.Apply(http.Response);
        http.Response.ContentType = ControlUiFiles.ContentType(file) ?? "application/octet-stream";
        var hashed = ControlUiFiles.IsHashed(relative);
        http.Response.Headers.CacheControl = hashed ? "public, max-age=31536000, immutable" : "no-cache";
        if (hashed && CompressedAssets.Accepts(http.Request) && CompressedAssets.IsCompressible(file))
        {
            http.Response.Headers.ContentEncoding = "gzip";
            http.Response.Headers.Vary = "Accept-Encoding";
            await WriteBodyAsync(http, await _compressed.GetAsync(file, http.RequestAborted));
            return;
        }

        await WriteBodyAsync(http, await File.ReadAllBytesAsync(file, http.RequestAborted));
    }

    private async Task WriteConfigAsync(HttpContext http, string basePath, GatewayRuntimeSettings settings)
    {
        ControlUiHeaders.Apply(http.Response);
        var catalog = services.Agents?.Catalog;
        var agent = catalog?.DefaultAgent ?? new AgentDefinition { Id = "main", Workspace = services.Paths.StateDir };
        http.Response.ContentType = "application/json; charset=utf-8";
        http.Response.Headers.CacheControl = "no-cache";
        await WriteBodyAsync(http, Encoding.UTF8.GetBytes(ControlUiBootstrap.Build(basePath, agent, settings).ToJsonString()));
    }

    internal static async Task WriteBodyAsync(HttpContext http, byte[] body)
    {
        http.Response.ContentLength = body.Length;
        if (!HttpMethods.IsHead(http.Request.Method))
        {
            await http.Response.Body.WriteAsync(body, http.RequestAborted);
        }
    }

    internal static Task NotFoundAsync(HttpContext http)
    {
        ControlUiHeaders.Apply(http.Response);
        http.Response.StatusCode = StatusCodes.Status404NotFound;
        http.Response.ContentType = "text/plain; charset=utf-8";
        return WriteBodyAsync(http, "Not Found"u8.ToArray());
    }
}
