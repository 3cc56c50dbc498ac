using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace SharpClaw.Providers.Tests.Infrastructure;

/// <summary>
/// The one in-process provider stand-in of the provider tests: Kestrel on 127.0.0.1 (random port), routing by method +
/// path (query ignored) to a sequence of <see cref="GoldenReply"/>s (the last one repeats), writing SSE, NDJSON or binary
/// golden streams chunk by chunk (each flushed, so clients really stream) and recording every request.
/// </summary>
internal sealed class GoldenServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, ConcurrentQueue<GoldenReply>> _routes = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentQueue<GoldenRequest> _requests = new();

    private GoldenServer(WebApplication app)
    {
        _app = app;
    }

    /// <summary>http://127.0.0.1:{port}/.</summary>
    public Uri BaseUri { get; private set; } = null!;

    public IReadOnlyList<GoldenRequest> Requests => _requests.ToArray();

    public GoldenRequest LastRequest => _requests.Last();

    public static async Task<GoldenServer> StartAsync(CancellationToken cancellationToken = default)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var server = new GoldenServer(app);
        app.Run(server.HandleAsync);
        await app.StartAsync(cancellationToken);
        server.BaseUri = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        return server;
    }

    /// <summary>Answers <paramref name="method"/> <paramref name="path"/> with <paramref name="replies"/> in turn (replacing earlier ones).</summary>
    public GoldenServer On(string method, string path, params GoldenReply[] replies)
    {
        _routes[$"{method} {path}"] = new ConcurrentQueue<GoldenReply>(replies);
        return this;
    }

    public IReadOnlyList<GoldenRequest> RequestsTo(string path) => Requests.Where(r => r.Path == path).ToList();

    public Uri Url(string path) => new(BaseUri, path);

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task HandleAsync(HttpContext context)
    {
        using var reader = new StreamReader(context.Request.Body);
        var body = await reader.ReadToEndAsync(context.RequestAborted);
        var headers = context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
        var path = context.Request.Path.Value ?? "/";
        _requests.Enqueue(new GoldenRequest(context.Request.Method, path, context.Request.QueryString.Value ?? string.Empty, headers, body));

        if (!_routes.TryGetValue($"{context.Request.Method} {path}", out var queue) || !TryNext(queue, out var reply))
        {
            context.Response.StatusCode = 404;
            await context.Response.WriteAsync("{\"error\":{\"message\":\"no golden route\"}}", context.RequestAborted);
            return;
        }

        context.Response.StatusCode = reply.Status;
        context.Response.ContentType = reply.ContentType;
        foreach (var (name, value) in reply.Headers)
        {
            context.Response.Headers[name] = value;
        }

        foreach (var chunk in reply.Chunks)
        {
            await context.Response.Body.WriteAsync(chunk, context.RequestAborted);
            await context.Response.Body.FlushAsync(context.RequestAborted);
        }

        if (reply.HoldOpen is { } hold)
        {
            try
            {
                await Task.Delay(hold, context.RequestAborted);
            }
            catch (OperationCanceledException)
            {
                return; // the client gave up, as the test expects
            }
        }

        if (reply.AbortAtEnd)
        {
            context.Abort();
        }
    }

    private static bool TryNext(ConcurrentQueue<GoldenReply> queue, out GoldenReply reply)
    {
        if (queue.Count > 1 && queue.TryDequeue(out reply!))
        {
            return true;
        }

        return queue.TryPeek(out reply!);
    }
}
