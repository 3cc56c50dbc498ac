using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Time.Testing;
using SharpClaw.Agents.Runs;
using SharpClaw.Gateway.Http.Responses;
using SharpClaw.Gateway.Tests.Infrastructure;

namespace SharpClaw.Gateway.Tests.HttpApi;

/// <summary>
/// PDF page rendering for <c>input_file</c> (http-surfaces.md §3.5): a PDF with less than <c>files.pdf.minTextChars</c>
/// of text has its first <c>maxPages</c> pages rendered by pdftoppm (each within <c>maxPixels</c>) and attached as images.
/// </summary>
public sealed class ResponsesPdfRenderTests
{
    private const string RenderedBlock = "<file name=\"report.pdf\">[PDF content rendered to images]</file>";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static void RequirePdftoppm()
    {
        if (PdfRendererBinary.Resolve(null, Environment.GetEnvironmentVariable("PATH")) is null)
        {
            Assert.Fail("pdftoppm is missing; run scripts/install-test-deps.sh (it installs Debian's poppler-utils; the test command does this)");
        }
    }

    private static async Task<HttpApiHost> StartAsync(string? pdfConfig = null, TimeProvider? time = null)
    {
        RequirePdftoppm();
        var config = pdfConfig is null ? null : new JsonObject { ["gateway"] = new JsonObject { ["http"] = new JsonObject { ["endpoints"] = new JsonObject { ["responses"] = new JsonObject { ["files"] = new JsonObject { ["pdf"] = JsonNode.Parse(pdfConfig) } } } } } };
        return await HttpApiHost.StartAsync(config, time: time);
    }

    private static async Task<(HttpStatusCode Status, string Body)> PostAsync(HttpApiHost host, string pdf)
    {
        using var response = await host.PostAsync("/v1/responses", TestPdfs.Body(pdf));
        return (response.StatusCode, await response.Content.ReadAsStringAsync(Ct));
    }

    private static List<TestPng> Pages(AgentRunRequest run)
    {
        Assert.All(run.Attachments, a => Assert.Equal("image/png", a.MimeType));
        return [.. run.Attachments.Select(a => TestPng.Decode(Convert.FromBase64String(a.Base64Data)))];
    }

    [Fact]
    public async Task ScannedPdf_PagesBecomePngImagesOfTheRun_AndTheFileBlockIsThePlaceholder()
    {
        await using var host = await StartAsync();
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(host, TestPdfs.Scanned(2))).Status);
        var pages = Pages(host.LastRun);
        Assert.Equal(2, pages.Count);
        foreach (var page in pages)
        {
            // One pixel per point (OpenClaw renders at scale ≤ 1): 600 × 800 points → 600 × 800 pixels.
            Assert.Equal((600, 800), (page.Width, page.Height));
            Assert.True(page.Brightness(200, 600) < 40, "the black square (100..300 pt from the bottom-left) is drawn");
            Assert.True(page.Brightness(500, 100) > 215, "outside the square the page is white");
        }

        var prompt = host.LastRun.ExtraSystemPrompt!;
        Assert.Contains(RenderedBlock, prompt, StringComparison.Ordinal);
        Assert.DoesNotContain("EXTERNAL_UNTRUSTED_CONTENT", prompt, StringComparison.Ordinal);
        Assert.Equal("summarise", host.LastRun.Message);
    }

    [Fact]
    public async Task ScannedPdf_EachRenderedPage_StaysWithinMaxPixels()
    {
        await using var host = await StartAsync("""{"maxPixels":100000}""");
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(host, TestPdfs.Scanned(3))).Status);
        var pages = Pages(host.LastRun);
        Assert.Equal(3, pages.Count);
        Assert.All(pages, p => Assert.InRange((long)p.Width * p.Height, 90_000, 100_000));
        Assert.All(pages, p => Assert.InRange((double)p.Height / p.Width, 800 / 600.0 * 0.99, 800 / 600.0 * 1.01));
    }

    [Theory]
    [InlineData(null, 4)]
    [InlineData("""{"maxPages":2}""", 2)]
    public async Task ScannedPdfOfSixPages_RendersOnlyTheFirstMaxPages(string? pdfConfig, int expected)
    {
        await using var host = await StartAsync(pdfConfig);
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(host, TestPdfs.Scanned(6))).Status);
        Assert.Equal(expected, host.LastRun.Attachments.Count);
    }

    [Fact]
    public async Task ScannedPdf_RenderedPages_ReachTheProviderRequestAsImageParts()
    {
        RequirePdftoppm();
        await using var fake = await FakeOpenAiServer.StartAsync();
        var config = new JsonObject
        {
            ["gateway"] = new JsonObject { ["http"] = new JsonObject { ["endpoints"] = new JsonObject { ["responses"] = new JsonObject { ["enabled"] = true } } } },
            ["models"] = fake.ProviderConfig(),
            ["agents"] = new JsonObject { ["defaults"] = new JsonObject { ["model"] = "openai/gpt-test" } },
        };
        await using var gateway = await TestGateway.StartAsync(config);
        using var client = new HttpClient { BaseAddress = gateway.HttpUrl };
        client.DefaultRequestHeaders.Authorization = new("Bearer", TestGateway.Token);
        using var response = await client.PostAsync("/v1/responses", HttpApiHost.Json(TestPdfs.Body(TestPdfs.Scanned(2))), Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var messages = fake.Bodies.Last()["messages"]!.AsArray();
        Assert.Contains(RenderedBlock, (string?)messages[0]!["content"], StringComparison.Ordinal);
        var images = messages.Last()!["content"]!.AsArray().Where(p => (string?)p!["type"] == "image_url").Select(p => (string)p!["image_url"]!["url"]!).ToList();
        Assert.Equal(2, images.Count);
        Assert.All(images, url => Assert.StartsWith("data:image/png;base64,", url, StringComparison.Ordinal));
        var page = TestPng.Decode(Convert.FromBase64String(images[0]["data:image/png;base64,".Length..]));
        Assert.Equal((600, 800), (page.Width, page.Height));
    }

    [Fact]
    public async Task TextRichPdf_IsNotRendered_ItsTextIsTheBlock()
    {
        await using var host = await StartAsync();
        var line = string.Join(' ', Enumerable.Repeat("lorem", 45)); // 269 characters ≥ minTextChars 200
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(host, TestPdfs.Text(1, _ => line))).Status);
        Assert.Empty(host.LastRun.Attachments);
        Assert.Contains("---\n" + line + "\n<<<END_EXTERNAL_UNTRUSTED_CONTENT", host.LastRun.ExtraSystemPrompt, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PdfWithLittleText_KeepsItsTextBlock_AndAddsThePages_UnlessMinTextCharsIsLower()
    {
        await using (var host = await StartAsync())
        {
            Assert.Equal(HttpStatusCode.OK, (await PostAsync(host, TestPdfs.Text(2, n => $"Invoice {n}"))).Status);
            Assert.Equal(2, host.LastRun.Attachments.Count);
            Assert.Contains("---\nInvoice 1\n\nInvoice 2\n<<<END_EXTERNAL_UNTRUSTED_CONTENT", host.LastRun.ExtraSystemPrompt, StringComparison.Ordinal);
            Assert.DoesNotContain("[PDF content rendered to images]", host.LastRun.ExtraSystemPrompt, StringComparison.Ordinal);
        }

        await using (var host = await StartAsync("""{"minTextChars":9}"""))
        {
            Assert.Equal(HttpStatusCode.OK, (await PostAsync(host, TestPdfs.Text(2, n => $"Invoice {n}"))).Status);
            Assert.Empty(host.LastRun.Attachments);
        }
    }

    [Fact]
    public async Task RendererMissing_KeepsTextOnly_NotesAnUnreadableScan_AndWarnsOnce()
    {
        await using var host = await StartAsync("""{"renderer":"/nonexistent/bin/pdftoppm"}""");
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(host, TestPdfs.Text(1, _ => "Invoice 7"))).Status);
        Assert.Empty(host.LastRun.Attachments);
        Assert.Contains("---\nInvoice 7\n<<<END_EXTERNAL_UNTRUSTED_CONTENT", host.LastRun.ExtraSystemPrompt, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(host, TestPdfs.Scanned(1))).Status);
        Assert.Empty(host.LastRun.Attachments);
        Assert.Contains("<file name=\"report.pdf\">[PDF has no extractable text and its pages could not be rendered to images]</file>", host.LastRun.ExtraSystemPrompt, StringComparison.Ordinal);
        var log = string.Empty;
        for (var i = 0; i < 100 && !log.Contains("poppler-utils", StringComparison.Ordinal); i++)
        {
            await Task.Delay(50, Ct);
            log = await host.LogTextAsync();
        }

        Assert.Single(log.Split('\n'), l => l.Contains("install poppler-utils", StringComparison.OrdinalIgnoreCase) && l.Contains("/nonexistent/bin/pdftoppm", StringComparison.Ordinal));
    }

    /// <summary>A stand-in pdftoppm (a shell script) in a fresh temp directory; the test deletes the directory.</summary>
    private static async Task<string> FakeRendererAsync(DirectoryInfo dir, string script)
    {
        var renderer = Path.Combine(dir.FullName, "pdftoppm");
        await File.WriteAllTextAsync(renderer, "#!/bin/sh\n" + script + "\n", Ct);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(renderer, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        return renderer;
    }

    private static async Task<string> WaitForFileAsync(string path)
    {
        for (var i = 0; i < 400 && !File.Exists(path); i++)
        {
            await Task.Delay(50, Ct);
        }

        return (await File.ReadAllTextAsync(path, Ct)).Trim();
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task HangingRenderer_IsKilledAtTheTimeoutOrWhenTheClientLeaves_InputWasPrivateAndIsDeleted(bool timeout)
    {
        var dir = Directory.CreateTempSubdirectory("sharpclaw-fake-pdftoppm-");
        try
        {
            var seen = dir.FullName;
            var renderer = await FakeRendererAsync(dir, $"for a; do last=$a; done\nstat -c %a \"$last\" > {seen}/mode\ndirname \"$last\" > {seen}/tmp\necho $$ > {seen}/pid\nexec sleep 60");
            var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
            await using var host = await StartAsync($$"""{"renderer":"{{renderer}}"}""", time);
            using var leave = CancellationTokenSource.CreateLinkedTokenSource(Ct);
            var post = host.Client.PostAsync("/v1/responses", HttpApiHost.Json(TestPdfs.Body(TestPdfs.Scanned(1))), leave.Token);
            var pid = int.Parse(await WaitForFileAsync(Path.Combine(seen, "pid")), System.Globalization.CultureInfo.InvariantCulture);
            Assert.Equal("600", await WaitForFileAsync(Path.Combine(seen, "mode")));
            var privateDir = await WaitForFileAsync(Path.Combine(seen, "tmp"));
            Assert.StartsWith("sharpclaw-pdf-", Path.GetFileName(privateDir), StringComparison.Ordinal);
            if (timeout)
            {
                time.Advance(PdfPageRenderer.Timeout + TimeSpan.FromSeconds(1));
                using var response = await post;
                Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            }
            else
            {
                await leave.CancelAsync();
                await Assert.ThrowsAnyAsync<OperationCanceledException>(() => post);
            }

            for (var i = 0; i < 200 && (Directory.Exists($"/proc/{pid}") || Directory.Exists(privateDir)); i++)
            {
                await Task.Delay(50, Ct);
            }

            Assert.False(Directory.Exists($"/proc/{pid}"), "the renderer process was killed");
            Assert.False(Directory.Exists(privateDir), "the private temp directory was deleted");
            Assert.Empty(host.Runs);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    [Theory]
    [InlineData("echo 'I/O Error: broken' >&2; exit 1")]
    [InlineData("echo 'not a png'")]
    [InlineData("head -c 11000000 /dev/zero")] // more than one page's 10 MiB output cap
    public async Task RendererFailure_Is400InvalidRequest_AndStartsNoRun(string script)
    {
        var dir = Directory.CreateTempSubdirectory("sharpclaw-fake-pdftoppm-");
        try
        {
            var renderer = await FakeRendererAsync(dir, script);
            await using var host = await StartAsync($$"""{"renderer":"{{renderer}}"}""");
            var (status, body) = await PostAsync(host, TestPdfs.Scanned(1));
            Assert.Equal(HttpStatusCode.BadRequest, status);
            Assert.Equal("invalid request", (string?)JsonNode.Parse(body)!["error"]!["message"]);
            Assert.Empty(host.Runs);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task MalformedPdf_Is400InvalidRequest_AndStartsNoRun()
    {
        await using var host = await StartAsync();
        var whole = Convert.FromBase64String(TestPdfs.Scanned(1));
        var (status, body) = await PostAsync(host, Convert.ToBase64String(whole.AsSpan(0, whole.Length / 3)));
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("invalid request", (string?)JsonNode.Parse(body)!["error"]!["message"]);
        Assert.Empty(host.Runs);
    }
}
