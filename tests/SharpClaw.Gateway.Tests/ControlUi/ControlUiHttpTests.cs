using System.Net;
using System.Text.Json.Nodes;
using SharpClaw.Gateway.Tests.Infrastructure;

namespace SharpClaw.Gateway.Tests.ControlUi;

/// <summary>Serving of the Control UI over plain HTTP (http-surfaces §6.4, security §1.12).</summary>
public sealed class ControlUiHttpTests
{
    private static readonly HttpClient Http = new(new HttpClientHandler { AllowAutoRedirect = false });

    private static async Task<TestGateway> StartAsync(Action<JsonObject>? gateway = null, string? root = null)
    {
        var config = UiGateway.Config(gateway: gateway);
        if (root is not null)
        {
            config["gateway"]!["controlUi"]!["root"] = root;
        }

        return await TestGateway.StartAsync(config);
    }

    [Fact]
    public async Task Root_ServesIndex_WithStrictCspAndSecurityHeaders()
    {
        await using var gw = await StartAsync();
        using var res = await Http.GetAsync(gw.HttpUrl, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, res.StatusCode);
        Assert.Equal("text/html", res.Content.Headers.ContentType!.MediaType);
        var csp = res.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.Contains("script-src 'self'", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline'; img", csp.Split("script-src")[1].Split(';')[0], StringComparison.Ordinal);
        Assert.DoesNotContain("'unsafe-inline'", csp.Split("script-src")[1].Split(';')[0], StringComparison.Ordinal);
        Assert.Contains("base-uri 'none'", csp, StringComparison.Ordinal);
        Assert.Equal("DENY", res.Headers.GetValues("X-Frame-Options").Single());
        Assert.Equal("nosniff", res.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("no-referrer", res.Headers.GetValues("Referrer-Policy").Single());
        Assert.Equal("no-cache", res.Headers.CacheControl!.ToString());
        var html = await res.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.Contains("<div id=\"app\">", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DeepLinks_FallBackToIndex_ButMissingAssetsAre404()
    {
        await using var gw = await StartAsync();
        using var deep = await Http.GetAsync(new Uri(gw.HttpUrl, "/sessions?session=agent:main:main"), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, deep.StatusCode);
        Assert.Contains("<div id=\"app\">", await deep.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
        using var missing = await Http.GetAsync(new Uri(gw.HttpUrl, "/assets/nope-12345678.js"), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        using var ui = await Http.GetAsync(new Uri(gw.HttpUrl, "/ui/settings"), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.NotFound, ui.StatusCode);
        using var health = await Http.GetAsync(new Uri(gw.HttpUrl, "/healthz"), TestContext.Current.CancellationToken);
        Assert.Contains("\"live\"", await health.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }

    [Fact]
    public async Task HashedAssets_AreImmutable_AndTraversalIsRefused()
    {
        await using var gw = await StartAsync();
        var asset = Directory.GetFiles(Path.Combine(UiGateway.UiRoot, "assets"), "*.js").First();
        using var res = await Http.GetAsync(new Uri(gw.HttpUrl, "/assets/" + Path.GetFileName(asset)), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, res.StatusCode);
        Assert.Equal("text/javascript", res.Content.Headers.ContentType!.MediaType);
        Assert.Contains("immutable", res.Headers.CacheControl!.ToString(), StringComparison.Ordinal);
        Assert.Equal("nosniff", res.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Empty(res.Content.Headers.ContentEncoding);

        // Browsers asking for gzip get the compressed bundle; it decompresses to the file.
        using var gzRequest = new HttpRequestMessage(HttpMethod.Get, new Uri(gw.HttpUrl, "/assets/" + Path.GetFileName(asset)));
        gzRequest.Headers.AcceptEncoding.ParseAdd("gzip, deflate, br");
        using var gz = await Http.SendAsync(gzRequest, TestContext.Current.CancellationToken);
        Assert.Equal("gzip", gz.Content.Headers.ContentEncoding.Single());
        await using var unzip = new System.IO.Compression.GZipStream(await gz.Content.ReadAsStreamAsync(TestContext.Current.CancellationToken), System.IO.Compression.CompressionMode.Decompress);
        using var plain = new MemoryStream();
        await unzip.CopyToAsync(plain, TestContext.Current.CancellationToken);
        Assert.Equal(await File.ReadAllBytesAsync(asset, TestContext.Current.CancellationToken), plain.ToArray());
        foreach (var path in new[] { "/assets/%2e%2e/%2e%2e/package.json", "/..%2fpackage.json", "/.npmrc", "/assets/../../ui/package.json" })
        {
            using var bad = await Http.GetAsync(new Uri(gw.HttpUrl + path.TrimStart('/')), TestContext.Current.CancellationToken);
            var body = await bad.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
            Assert.DoesNotContain("sharpclaw-control-ui", body, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task BootstrapConfig_AndAvatar_UnderABasePath()
    {
        await using var gw = await StartAsync(g => g["controlUi"]!["basePath"] = "/openclaw/");
        using var redirect = await Http.GetAsync(new Uri(gw.HttpUrl, "/openclaw?foo=1"), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Found, redirect.StatusCode);
        Assert.Equal("/openclaw/?foo=1", redirect.Headers.Location!.ToString());
        var config = JsonNode.Parse(await Http.GetStringAsync(new Uri(gw.HttpUrl, "/openclaw/__openclaw/control-ui-config.json"), TestContext.Current.CancellationToken))!;
        Assert.Equal("/openclaw", (string)config["basePath"]!);
        Assert.Equal("/openclaw/avatar/main", (string)config["assistantAvatar"]!);
        Assert.Equal("main", (string)config["assistantAgentId"]!);
        Assert.Equal("scripts", (string)config["embedSandbox"]!);
        using var avatar = await Http.GetAsync(new Uri(gw.HttpUrl, "/openclaw/avatar/main"), TestContext.Current.CancellationToken);
        Assert.Equal("image/svg+xml", avatar.Content.Headers.ContentType!.MediaType);
        Assert.StartsWith("<svg", await avatar.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
        var meta = JsonNode.Parse(await Http.GetStringAsync(new Uri(gw.HttpUrl, "/openclaw/avatar/main?meta=1"), TestContext.Current.CancellationToken))!;
        Assert.Null(meta["avatarUrl"]);
        using var unknown = await Http.GetAsync(new Uri(gw.HttpUrl, "/openclaw/avatar/Nope!"), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        using var outside = await Http.GetAsync(new Uri(gw.HttpUrl, "/elsewhere"), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.NotFound, outside.StatusCode);
        using var post = await Http.PostAsync(new Uri(gw.HttpUrl, "/openclaw/"), new StringContent("x"), TestContext.Current.CancellationToken);
        Assert.NotEqual(HttpStatusCode.OK, post.StatusCode);
    }

    [Fact]
    public async Task Avatar_ServesTheAgentIdentityImage()
    {
        var dir = TestGateway.NewStateDir();
        var workspace = Path.Combine(dir, "ws-main");
        Directory.CreateDirectory(workspace);
        byte[] png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 1, 2, 3];
        await File.WriteAllBytesAsync(Path.Combine(workspace, "me.png"), png, TestContext.Current.CancellationToken);
        var config = UiGateway.Config();
        config["agents"] = new JsonObject { ["list"] = new JsonArray(new JsonObject { ["id"] = "main", ["default"] = true, ["workspace"] = workspace, ["identity"] = new JsonObject { ["name"] = "Claw", ["avatar"] = "me.png" } }) };
        await using var gw = await TestGateway.StartAsync(config, dir: dir);
        var bytes = await Http.GetByteArrayAsync(new Uri(gw.HttpUrl, "/avatar/main"), TestContext.Current.CancellationToken);
        Assert.Equal(png, bytes);
        var boot = JsonNode.Parse(await Http.GetStringAsync(new Uri(gw.HttpUrl, "/__openclaw/control-ui-config.json"), TestContext.Current.CancellationToken))!;
        Assert.Equal("Claw", (string)boot["assistantName"]!);
    }

    [Fact]
    public async Task InlineScriptsInIndex_AreAllowedOnlyByTheirHash()
    {
        var root = Directory.CreateTempSubdirectory("sharpclaw-ui-").FullName;
        const string Script = "window.boot = 1;";
        await File.WriteAllTextAsync(Path.Combine(root, "index.html"), $"<!doctype html><script>{Script}</script><script src=\"./a.js\"></script>", TestContext.Current.CancellationToken);
        await using var gw = await StartAsync(root: root);
        using var res = await Http.GetAsync(gw.HttpUrl, TestContext.Current.CancellationToken);
        var csp = res.Headers.GetValues("Content-Security-Policy").Single();
        var hash = Convert.ToBase64String(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(Script)));
        Assert.Contains($"script-src 'self' 'sha256-{hash}';", csp, StringComparison.Ordinal);
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(csp, "sha256-"));
        using var head = await Http.SendAsync(new HttpRequestMessage(HttpMethod.Head, new Uri(gw.HttpUrl, "/__openclaw/control-ui-config.json")), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, head.StatusCode);
        Assert.Empty(await head.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken));
        Directory.Delete(root, recursive: true);
    }

    [Fact]
    public async Task Disabled_OrUnbuilt_UiIsNotServed()
    {
        await using (var gw = await StartAsync(g => g["controlUi"]!["enabled"] = false))
        {
            using var res = await Http.GetAsync(gw.HttpUrl, TestContext.Current.CancellationToken);
            Assert.Equal(HttpStatusCode.NotFound, res.StatusCode);
        }

        await using (var gw = await StartAsync(root: Path.Combine(Path.GetTempPath(), "no-ui-here-" + Guid.NewGuid().ToString("N"))))
        {
            using var res = await Http.GetAsync(gw.HttpUrl, TestContext.Current.CancellationToken);
            Assert.Equal(HttpStatusCode.ServiceUnavailable, res.StatusCode);
            Assert.Contains("scripts/build-ui.sh", await res.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
        }
    }
}
