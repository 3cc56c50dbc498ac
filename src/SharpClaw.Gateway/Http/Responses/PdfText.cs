using System.Text;
using UglyToad.PdfPig;

namespace SharpClaw.Gateway.Http.Responses;

/// <summary>
/// Text of a PDF <c>input_file</c>: the words of the first <c>pdf.maxPages</c> pages (pages joined by a blank line),
/// cut at <c>maxChars</c>. The gateway cannot render pages to images, so a PDF with little text yields what text it has.
/// </summary>
internal static class PdfText
{
    public static string Extract(byte[] bytes, int maxPages, int maxChars)
    {
        using var document = PdfDocument.Open(bytes);
        var text = new StringBuilder();
        var pages = Math.Min(document.NumberOfPages, maxPages);
        for (var number = 1; number <= pages && text.Length < maxChars; number++)
        {
            var page = document.GetPage(number);
            if (text.Length > 0)
            {
                text.Append("\n\n");
            }

            text.AppendJoin(' ', page.GetWords().Select(w => w.Text));
        }

        return text.Length > maxChars ? text.ToString(0, maxChars) : text.ToString();
    }
}
