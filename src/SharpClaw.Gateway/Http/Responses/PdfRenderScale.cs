namespace SharpClaw.Gateway.Http.Responses;

/// <summary>
/// The <c>pdftoppm -scale-to</c> value (pixels of a page's long side) that keeps every rendered page within
/// <c>files.pdf.maxPixels</c>: at most one pixel per point (OpenClaw's scale ≤ 1), shrunk by √(maxPixels / area) for large
/// pages, with a pixel of slack on each side for pdftoppm's rounding up. One value for all pages: the smallest one.
/// </summary>
internal static class PdfRenderScale
{
    public static int LongSidePixels(IReadOnlyList<(double Width, double Height)> pages, long maxPixels)
    {
        var result = int.MaxValue;
        foreach (var (width, height) in pages)
        {
            var longSide = Math.Max(1, Math.Max(width, height));
            var shortSide = Math.Max(1, Math.Min(width, height));
            var scale = Math.Min(1, Math.Sqrt(maxPixels / (longSide * shortSide)));
            var pixels = (long)Math.Max(1, Math.Floor(longSide * scale));
            while (pixels > 1 && (pixels + 1) * (Math.Ceiling(shortSide * pixels / longSide) + 1) > maxPixels)
            {
                pixels--;
            }

            result = (int)Math.Min(result, pixels);
        }

        return result == int.MaxValue ? 1 : result;
    }
}
