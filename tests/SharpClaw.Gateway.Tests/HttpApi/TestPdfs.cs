using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Fonts.Standard14Fonts;
using UglyToad.PdfPig.Writer;

namespace SharpClaw.Gateway.Tests.HttpApi;

/// <summary>PDFs built with PdfPig's writer for the <c>input_file</c> tests, returned as base64.</summary>
internal static class TestPdfs
{
    public const double Width = 600;
    public const double Height = 800;

    /// <summary>Pages of <see cref="Width"/> × <see cref="Height"/> points, each a line of text (Helvetica 12) at (40, 700).</summary>
    public static string Text(int pages, Func<int, string> line)
    {
        var builder = new PdfDocumentBuilder();
        var font = builder.AddStandard14Font(Standard14Font.Helvetica);
        for (var n = 1; n <= pages; n++)
        {
            builder.AddPage(Width, Height).AddText(line(n), 12, new PdfPoint(40, 700), font);
        }

        return Convert.ToBase64String(builder.Build());
    }

    /// <summary>"Scanned" pages: no text at all, only a filled black square from (100, 100) to (300, 300) points.</summary>
    public static string Scanned(int pages)
    {
        var builder = new PdfDocumentBuilder();
        for (var n = 1; n <= pages; n++)
        {
            var page = builder.AddPage(Width, Height);
            page.SetTextAndFillColor(0, 0, 0);
            page.DrawRectangle(new PdfPoint(100, 100), 200, 200, 1, fill: true);
        }

        return Convert.ToBase64String(builder.Build());
    }

    /// <summary>A <c>/v1/responses</c> body: "summarise" plus the PDF as a base64 <c>input_file</c> named <paramref name="name"/>.</summary>
    public static string Body(string base64, string name = "report.pdf", string model = "openclaw")
        => $$$"""{"model":"{{{model}}}","input":[{"type":"message","role":"user","content":[{"type":"input_text","text":"summarise"},{"type":"input_file","source":{"type":"base64","media_type":"application/pdf","data":"{{{base64}}}","filename":"{{{name}}}"}}]}]}""";
}
