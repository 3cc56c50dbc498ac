using System.Net;
using System.Text.Json.Nodes;

namespace SharpClaw.Gateway.Tests.HttpApi;

/// <summary>PDF <c>input_file</c> parts: text extracted (first <c>pdf.maxPages</c> pages, <c>maxChars</c>) and fenced as untrusted.</summary>
public sealed class ResponsesPdfTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static string Pdf(int pages) => TestPdfs.Text(pages, n => $"Quarterly report page{n} marker");

    private static async Task<HttpStatusCode> PostPdfAsync(HttpApiHost host, string base64)
    {
        using var response = await host.PostAsync("/v1/responses", TestPdfs.Body(base64));
        return response.StatusCode;
    }

    [Fact]
    public async Task Pdf_TextOfTheFirstFourPages_IsFencedInTheSystemPrompt()
    {
        await using var host = await HttpApiHost.StartAsync();
        Assert.Equal(HttpStatusCode.OK, await PostPdfAsync(host, Pdf(5)));
        var prompt = host.LastRun.ExtraSystemPrompt!;
        Assert.Contains("<file name=\"report.pdf\">\n\n<<<EXTERNAL_UNTRUSTED_CONTENT id=\"", prompt, StringComparison.Ordinal);
        Assert.Contains("Quarterly report page1 marker\n\nQuarterly report page2 marker", prompt, StringComparison.Ordinal);
        Assert.Contains("page4 marker", prompt, StringComparison.Ordinal);
        Assert.DoesNotContain("page5", prompt, StringComparison.Ordinal);
        Assert.Equal("summarise", host.LastRun.Message);
    }

    [Fact]
    public async Task Pdf_ConfiguredMaxPagesAndMaxChars_AreApplied()
    {
        var config = JsonNode.Parse("""{"gateway":{"http":{"endpoints":{"responses":{"files":{"maxChars":20,"pdf":{"maxPages":1}}}}}}}""")!.AsObject();
        await using var host = await HttpApiHost.StartAsync(config);
        Assert.Equal(HttpStatusCode.OK, await PostPdfAsync(host, Pdf(3)));
        var prompt = host.LastRun.ExtraSystemPrompt!;
        Assert.Contains("---\nQuarterly report pag\n<<<END_EXTERNAL_UNTRUSTED_CONTENT", prompt, StringComparison.Ordinal);
        Assert.DoesNotContain("page2", prompt, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pdf_ThatCannotBeParsed_Is400AndStartsNoRun()
    {
        await using var host = await HttpApiHost.StartAsync();
        Assert.Equal(HttpStatusCode.BadRequest, await PostPdfAsync(host, Convert.ToBase64String("%PDF-1.4 garbage"u8.ToArray())));
        Assert.Empty(host.Runs);
    }
}
