using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using SharpClaw.Gateway.Hosting;
using SharpClaw.Gateway.Http;
using SharpClaw.Gateway.Tests.Infrastructure;

namespace SharpClaw.Gateway.Tests.HttpApi;

/// <summary>
/// Webhook mappings whose <c>transform.module</c> is a JavaScript file under <c>&lt;configDir&gt;/hooks/transforms</c>
/// (http-surfaces.md §4.5, HK39), run in-process by Jint.
/// </summary>
public sealed class HookJsTransformTests
{
    private const string FailedBody = """{"ok":false,"error":"hook mapping failed"}""";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task EsmDefaultExport_RewritesMessageAndSessionKey_AndSeesTheRequestButNotTheHookToken()
    {
        await using var host = await StartAsync(
            """[{"match":{"path":"github"},"messageTemplate":"template {{payload.n}}","transform":{"module":"github.js"}}]""",
            ("github.js", """
                export default function (ctx) {
                  return {
                    message: `Issue ${ctx.payload.issue.number} via ${ctx.path} from ${ctx.headers["x-github-event"]} at ${ctx.url} token=${ctx.headers.authorization}/${ctx.headers["x-openclaw-token"]}`,
                    sessionKey: "hook:github:" + ctx.payload.issue.number,
                    name: "GitHub",
                  };
                }
                """));
        var response = await host.PostAsync("/hooks/github?x=1", """{"n":1,"issue":{"number":42}}""", null, ("X-GitHub-Event", "issues"));
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var json = await HttpApiHost.ReadJsonAsync(response);
        Assert.Equal((string?)json["runId"], host.LastRun.RunId);
        Assert.Contains($"Issue 42 via github from issues at {host.Client.BaseAddress!.ToString().TrimEnd('/')}/hooks/github?x=1 token=undefined/undefined", host.LastRun.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("template 1", host.LastRun.Message, StringComparison.Ordinal);
        Assert.Equal("hook:github:42", host.LastRun.SessionKey);
    }

    [Fact]
    public async Task Url_IsAUrlObject_WithSearchParams_LikeOpenClaws()
    {
        await using var host = await StartAsync(
            """[{"match":{"path":"u"},"transform":{"module":"u.js"}}]""",
            ("u.js", """
                export default function ({ url }) {
                  const tags = url.searchParams.getAll("tag").join("+");
                  const entries = [...url.searchParams].map(([k, v]) => `${k}=${v}`).join(",");
                  return {
                    message: `path=${url.pathname} search=${url.search} q=${url.searchParams.get("q")} missing=${url.searchParams.get("nope")} has=${url.searchParams.has("tag")} tags=${tags} entries=${entries} host=${url.hostname}:${url.port} same=${String(url) === url.href} json=${JSON.stringify({ url })}`,
                  };
                }
                """));
        var response = await host.PostAsync("/hooks/u?q=hello%20world&tag=a&tag=b", "{}");
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var address = host.Client.BaseAddress!;
        var href = $"{address.ToString().TrimEnd('/')}/hooks/u?q=hello%20world&tag=a&tag=b";
        Assert.Contains(
            $"path=/hooks/u search=?q=hello%20world&tag=a&tag=b q=hello world missing=null has=true tags=a+b entries=q=hello world,tag=a,tag=b host={address.Host}:{address.Port} same=true json={{\"url\":\"{href}\"}}",
            host.LastRun.Message,
            StringComparison.Ordinal);
    }

    [Fact]
    public async Task HK39_JsTransformReturningNull_Is204_AndNothingRuns()
    {
        await using var host = await StartAsync(
            """[{"match":{"path":"skip"},"messageTemplate":"would run","transform":{"module":"skip.js"}}]""",
            ("skip.js", "export default function (ctx) { return ctx.payload.keep ? { message: 'kept' } : null; }"));
        var skipped = await host.PostAsync("/hooks/skip", """{"keep":false}""");
        Assert.Equal(HttpStatusCode.NoContent, skipped.StatusCode);
        Assert.Equal(string.Empty, await skipped.Content.ReadAsStringAsync(Ct));
        Assert.Empty(host.Runs);
        Assert.Equal(HttpStatusCode.Accepted, (await host.PostAsync("/hooks/skip", """{"keep":true}""")).StatusCode);
        Assert.Contains("kept", Assert.Single(host.Runs).Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ThrowingTransform_Is500HookMappingFailed()
    {
        await using var host = await StartAsync(
            """[{"match":{"path":"bad"},"transform":{"module":"bad.js"}}]""",
            ("bad.js", "export default function (ctx) { throw new Error('kaput ' + JSON.stringify(ctx.headers)); }"));
        await AssertMappingFailedAsync(host, "/hooks/bad");
        Assert.Empty(host.Runs);
        Assert.True(await HookDeliveryTests.LogContainsAsync(host, "kaput"), "the transform's error is logged");
        Assert.False(await HookDeliveryTests.LogContainsAsync(host, HttpApiHost.HookToken), "the hooks token is never logged");
    }

    [Fact]
    public async Task InfiniteLoop_Is500WithinTheTimeout_AndTheGatewayKeepsServing()
    {
        await using var host = await StartAsync(
            """[{"match":{"path":"spin"},"transform":{"module":"spin.js"}},{"match":{"path":"ok"},"transform":{"module":"ok.js"}}]""",
            [("spin.js", "export default function () { for (;;) {} }"), ("ok.js", "export default () => ({ message: 'fine' });")],
            ""","transformTimeoutMs":500""");
        var clock = Stopwatch.StartNew();
        await AssertMappingFailedAsync(host, "/hooks/spin");
        Assert.True(clock.Elapsed >= TimeSpan.FromMilliseconds(400) && clock.Elapsed < TimeSpan.FromSeconds(30), $"took {clock.Elapsed}");
        Assert.Equal(HttpStatusCode.Accepted, (await host.PostAsync("/hooks/ok", "{}")).StatusCode);
    }

    [Fact]
    public async Task RunawayRecursionAndMemory_Are500()
    {
        await using var host = await StartAsync(
            """[{"match":{"path":"deep"},"transform":{"module":"deep.js"}},{"match":{"path":"hog"},"transform":{"module":"hog.js"}},{"match":{"path":"pending"},"transform":{"module":"pending.js"}}]""",
            [
                ("deep.js", "export default function f(n) { return f((n || 0) + 1); }"),
                ("hog.js", "export default function () { const a = []; for (;;) a.push('x'.repeat(1024) + a.length); }"),
                ("pending.js", "export default function () { return new Promise(() => {}); }"),
            ],
            ""","transformTimeoutMs":2000""");
        foreach (var path in (string[])["/hooks/deep", "/hooks/hog", "/hooks/pending"])
        {
            await AssertMappingFailedAsync(host, path);
        }
    }

    [Fact]
    public async Task AsyncTransform_IsAwaited()
    {
        await using var host = await StartAsync(
            """[{"match":{"path":"later"},"action":"wake","transform":{"module":"later.js"}}]""",
            ("later.js", """
                const pause = () => Promise.resolve('awaited');
                export default async function (ctx) {
                  const word = await pause();
                  return { text: `${word} ${ctx.payload.subject}`, mode: "next-heartbeat" };
                }
                """));
        var response = await host.PostAsync("/hooks/later", """{"subject":"Mail"}""");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("""{"ok":true,"mode":"next-heartbeat"}""", await response.Content.ReadAsStringAsync(Ct));
        var wake = Assert.Single(host.Services.Agents!.SystemEvents.Peek("agent:main:main"));
        Assert.Contains("awaited Mail", wake.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExportResolution_NamedExportThenDefaultThenTransform_AndCommonJs()
    {
        await using var host = await StartAsync(
            """
            [{"match":{"path":"named"},"transform":{"module":"multi.js","export":"shape"}},
             {"match":{"path":"default"},"transform":{"module":"multi.js"}},
             {"match":{"path":"fallback"},"transform":{"module":"only-transform.js"}},
             {"match":{"path":"cjs"},"transform":{"module":"common.js"}},
             {"match":{"path":"cjs-named"},"transform":{"module":"common-named.cjs","export":"pick"}},
             {"match":{"path":"absent"},"transform":{"module":"multi.js","export":"nope"}}]
            """,
            [
                ("multi.js", "export default () => ({ message: 'from default' });\nexport function shape() { return { message: 'from shape' }; }\nexport function transform() { return { message: 'from transform' }; }"),
                ("only-transform.js", "export function transform() { return { message: 'from transform' }; }"),
                ("common.js", "module.exports = function (ctx) { return { message: 'from commonjs ' + ctx.payload.v }; };"),
                ("common-named.cjs", "exports.pick = function () { return { message: 'from exports.pick' }; };"),
            ]);
        foreach (var (path, expected) in ((string, string)[])[("named", "from shape"), ("default", "from default"), ("fallback", "from transform"), ("cjs", "from commonjs 5"), ("cjs-named", "from exports.pick")])
        {
            Assert.Equal(HttpStatusCode.Accepted, (await host.PostAsync("/hooks/" + path, """{"v":5}""")).StatusCode);
            Assert.Contains(expected, host.LastRun.Message, StringComparison.Ordinal);
        }

        await AssertMappingFailedAsync(host, "/hooks/absent");
    }

    [Fact]
    public async Task ChangedFile_IsReloaded()
    {
        await using var host = await StartAsync(
            """[{"match":{"path":"live"},"transform":{"module":"nested/live.js"}}]""",
            ("nested/live.js", "export default () => ({ message: 'version one' });"));
        Assert.Equal(HttpStatusCode.Accepted, (await host.PostAsync("/hooks/live", "{}")).StatusCode);
        Assert.Contains("version one", host.LastRun.Message, StringComparison.Ordinal);
        var file = Path.Combine(host.Gateway.StateDir, "hooks", "transforms", "nested", "live.js");
        await File.WriteAllTextAsync(file, "export default () => ({ message: 'version two, longer' });", Ct);
        File.SetLastWriteTimeUtc(file, File.GetLastWriteTimeUtc(file).AddMinutes(1));
        Assert.Equal(HttpStatusCode.Accepted, (await host.PostAsync("/hooks/live", "{}")).StatusCode);
        Assert.Contains("version two, longer", host.LastRun.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SymlinkEscapePlacedAfterStart_Is500AndTheOutsideFileNeverRuns()
    {
        await using var host = await StartAsync(
            """[{"match":{"path":"late"},"transform":{"module":"late.js"}}]""",
            [("kept.js", "export default () => ({ message: 'unused' });")]);
        var outside = Path.Combine(host.Gateway.StateDir, "outside.js");
        await File.WriteAllTextAsync(outside, "export default () => ({ message: 'escaped' });", Ct);
        File.CreateSymbolicLink(Path.Combine(host.Gateway.StateDir, "hooks", "transforms", "late.js"), outside);
        await AssertMappingFailedAsync(host, "/hooks/late");
        Assert.Empty(host.Runs);
    }

    [Fact]
    public async Task RegisteredCSharpTransform_WinsOverAFileOfTheSameName()
    {
        await using var host = await StartAsync(
            """[{"match":{"path":"both"},"transform":{"module":"both.js"}}]""",
            [("both.js", "export default () => ({ message: 'from javascript' });")],
            configure: services => services.HttpExtensions.AddHookTransform("both.js", new FixedTransform("from csharp")));
        Assert.Equal(HttpStatusCode.Accepted, (await host.PostAsync("/hooks/both", "{}")).StatusCode);
        Assert.Contains("from csharp", host.LastRun.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TransformsDirInsideTheRoot_IsUsed()
    {
        await using var host = await StartAsync(
            """[{"match":{"path":"sub"},"transform":{"module":"t.js"}}]""",
            [("team/t.js", "export default () => ({ message: 'from team dir' });")],
            ""","transformsDir":"team" """);
        Assert.Equal(HttpStatusCode.Accepted, (await host.PostAsync("/hooks/sub", "{}")).StatusCode);
        Assert.Contains("from team dir", host.LastRun.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("../outside.js", "", "hooks.mappings[0].transform.module must be a path inside")]
    [InlineData("sub/../../outside.js", "", "hooks.mappings[0].transform.module must be a path inside")]
    [InlineData("/etc/outside.js", "", "hooks.mappings[0].transform.module must be a path inside")]
    [InlineData("link.js", "", "hooks.mappings[0].transform.module must be a path inside")]
    [InlineData("linked-dir/x.js", "", "hooks.mappings[0].transform.module must be a path inside")]
    [InlineData("t.js", ""","transformsDir":"../elsewhere" """, "hooks.transformsDir must be a path inside")]
    [InlineData("t.js", ""","transformsDir":"/tmp" """, "hooks.transformsDir must be a path inside")]
    [InlineData("github.ts", "", "compile it to JavaScript")]
    public async Task EscapingOrTypeScriptModules_RefuseToStart(string module, string extra, string expected)
    {
        var dir = TestGateway.NewStateDir();
        try
        {
            var root = Path.Combine(dir, "hooks", "transforms");
            Directory.CreateDirectory(root);
            await File.WriteAllTextAsync(Path.Combine(dir, "outside.js"), "export default () => ({ message: 'escaped' });", Ct);
            File.CreateSymbolicLink(Path.Combine(root, "link.js"), Path.Combine(dir, "outside.js"));
            Directory.CreateSymbolicLink(Path.Combine(root, "linked-dir"), dir);
            var config = MergeConfig($$$"""[{"match":{"path":"x"},"transform":{"module":"{{{module}}}"}}]""", extra);
            var ex = await Assert.ThrowsAsync<GatewayStartException>(() => HttpApiHost.StartAsync(config, dir: dir));
            Assert.Contains(expected, ex.Message, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    private static async Task AssertMappingFailedAsync(HttpApiHost host, string path)
    {
        var response = await host.PostAsync(path, "{}");
        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal(FailedBody, await response.Content.ReadAsStringAsync(Ct));
    }

    private static JsonObject MergeConfig(string mappings, string extra)
        => JsonNode.Parse($$$"""{"hooks":{"enabled":true,"token":"{{{HttpApiHost.HookToken}}}","mappings":{{{mappings}}}{{{extra}}}}}""")!.AsObject();

    private static Task<HttpApiHost> StartAsync(string mappings, (string Path, string Code) file) => StartAsync(mappings, [file]);

    private static async Task<HttpApiHost> StartAsync(string mappings, (string Path, string Code)[] files, string extra = "", Action<SharpClaw.Gateway.Runtime.GatewayServices>? configure = null)
    {
        var dir = TestGateway.NewStateDir();
        foreach (var (path, code) in files)
        {
            var full = Path.Combine(dir, "hooks", "transforms", path);
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            await File.WriteAllTextAsync(full, code, Ct);
        }

        var host = await HttpApiHost.StartAsync(MergeConfig(mappings, extra), configure, dir);
        host.Client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", HttpApiHost.HookToken);
        return host;
    }

    private sealed class FixedTransform(string message) : IHookTransform
    {
        public Task<JsonObject?> TransformAsync(JsonObject input, CancellationToken cancellationToken) => Task.FromResult<JsonObject?>(new JsonObject { ["message"] = message });
    }
}
