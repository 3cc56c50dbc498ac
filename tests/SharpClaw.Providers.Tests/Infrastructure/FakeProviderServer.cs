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
/// An in-process provider stand-in: Kestrel on 127.0.0.1 with a random port, answering routes with recorded golden
/// streams (flushed event by event / line by line, so clients really stream) and recording every request.
/// </summary>
internal sealed class FakeProviderServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, FakeResponse> _routes = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentQueue<RecordedRequest> _requests = new();

    private FakeProviderServer(WebApplication app)
    {
        _app = app;
    }

    /// <summary>http://127.0.0.1:{port}.</summary>
    public Uri BaseUri { get; private set; } = null!;

    public IReadOnlyList<RecordedRequest> Requests => _requests.ToArray();

    public RecordedRequest LastRequest => _requests.Last();

    public static async Task<FakeProviderServer> StartAsync(CancellationToken cancellationToken = default)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var server = new FakeProviderServer(app);
        app.Run(server.HandleAsync);
        await app.StartAsync(cancellationToken);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server.BaseUri = new Uri(address);
        return server;
    }

    /// <summary>Answers <paramref name="method"/> <paramref name="path"/> with <paramref name="response"/> (replacing any earlier one).</summary>
    public FakeProviderServer On(string method, string path, FakeResponse response)
    {
        _routes[$"{method} {path}"] = response;
        return this;
    }

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
        _requests.Enqueue(new RecordedRequest(context.Request.Method, context.Request.Path.Value ?? "/", headers, body));

        if (!_routes.TryGetValue($"{context.Request.Method} {context.Request.Path.Value}", out var response))
        {
            context.Response.StatusCode = 404;
            await context.Response.WriteAsync("{\"error\":\"no fake route\"}", context.RequestAborted);
            return;
        }

        context.Response.StatusCode = response.Status;
        context.Response.ContentType = response.ContentType;
        foreach (var (name, value) in response.Headers)
        {
            context.Response.Headers[name] = value;
        }

        foreach (var chunk in Chunks(response))
        {
            await context.Response.WriteAsync(chunk, context.RequestAborted);
            await context.Response.Body.FlushAsync(context.RequestAborted);
        }

        if (response.HoldOpen is { } hold)
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

        if (response.AbortAtEnd)
        {
            context.Abort();
        }
    }

    private static IEnumerable<string> Chunks(FakeResponse response)
    {
        var separator = response.ContentType switch
        {
            "text/event-stream" => "\n\n",
            "application/x-ndjson" => "\n",
            _ => null,
        };
        if (separator is null)
        {
            yield return response.Body;
            yield break;
        }

        var parts = response.Body.Split(separator);
        for (var i = 0; i < parts.Length; i++)
        {
            var last = i == parts.Length - 1;
            if (last && parts[i].Length == 0)
            {
                yield break;
            }

            yield return last ? parts[i] : parts[i] + separator;
        }
    }
}
