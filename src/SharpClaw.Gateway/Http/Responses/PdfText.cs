using System.Text;
using UglyToad.PdfPig;

namespace SharpClaw.Gateway.Http.Responses;

/// <summary>
/// Text of a PDF <c>input_file</c>: the words of the first <c>pdf.maxPages</c> pages (pages with text joined by a blank line),
/// cut at <c>maxChars</c>, with the crop-box size of each of those pages (what <see cref="PdfPageRenderer"/> scales by).
/// </summary>
internal static class PdfText
{
    public static PdfContent Extract(byte[] bytes, int maxPages, int maxChars)
    {
        using var document = PdfDocument.Open(bytes);
        var text = new StringBuilder();
        var sizes = new List<(double Width, double Height)>();
        var pages = Math.Min(document.NumberOfPages, maxPages);
        for (var number = 1; number <= pages; number++)
        {
            var page = document.GetPage(number);
            var box = page.CropBox.Bounds;
            sizes.Add((Math.Abs(box.Width), Math.Abs(box.Height)));
            if (text.Length >= maxChars)
            {
                continue;
            }

            var pageText = string.Join(' ', page.GetWords().Select(w => w.Text));
            if (pageText.Length > 0)
            {
                text.Append(text.Length > 0 ? "\n\n" : string.Empty).Append(pageText);
            }
        }

        return new PdfContent(text.Length > maxChars ? text.ToString(0, maxChars) : text.ToString(), sizes);
    }
}
