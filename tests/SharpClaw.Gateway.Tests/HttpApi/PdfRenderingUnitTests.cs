using System.Buffers.Binary;
using SharpClaw.Gateway.Http.Responses;

namespace SharpClaw.Gateway.Tests.HttpApi;

/// <summary>The pure parts of PDF page rendering: the <c>-scale-to</c> arithmetic and splitting pdftoppm's PNG stream.</summary>
public sealed class PdfRenderingUnitTests
{
    [Theory]
    [InlineData(612, 792, 4_000_000)] // Letter: one pixel per point
    [InlineData(14400, 14400, 4_000_000)] // the largest PDF page: shrunk to the budget
    [InlineData(600, 800, 100_000)]
    [InlineData(10000, 10, 1_000)] // a strip
    [InlineData(0, 0, 4_000_000)] // a degenerate box still gets a size
    public void ScaleTo_KeepsThePageWithinMaxPixels_EvenWithPdftoppmRoundingUp(double width, double height, long maxPixels)
    {
        var longSide = PdfRenderScale.LongSidePixels([(width, height)], maxPixels);
        var shortSide = Math.Ceiling(Math.Max(1, Math.Min(width, height)) * longSide / Math.Max(1, Math.Max(width, height)));
        Assert.InRange(longSide * shortSide, 1, maxPixels);
        Assert.InRange(longSide, 1, Math.Max(1, Math.Max(width, height)));
    }

    [Fact]
    public void ScaleTo_IsOnePixelPerPointForSmallPages_AndTheSmallestValueAcrossPages()
    {
        Assert.Equal(792, PdfRenderScale.LongSidePixels([(612, 792)], 4_000_000));
        Assert.Equal(400, PdfRenderScale.LongSidePixels([(612, 792), (300, 400)], 4_000_000));
        Assert.InRange(PdfRenderScale.LongSidePixels([(14400, 14400)], 4_000_000), 1900, 1999);
        Assert.Equal(792, PdfRenderScale.LongSidePixels([(14400, 14400), (612, 792)], 4_000_000));
    }

    private static byte[] Png(int width, int height)
    {
        var png = new List<byte>([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]);
        var ihdr = new byte[25];
        BinaryPrimitives.WriteInt32BigEndian(ihdr, 13);
        "IHDR"u8.CopyTo(ihdr.AsSpan(4));
        BinaryPrimitives.WriteInt32BigEndian(ihdr.AsSpan(8), width);
        BinaryPrimitives.WriteInt32BigEndian(ihdr.AsSpan(12), height);
        png.AddRange(ihdr);
        png.AddRange([0, 0, 0, 0, .. "IEND"u8, 0xAE, 0x42, 0x60, 0x82]);
        return [.. png];
    }

    [Fact]
    public void PngStream_SplitsBackToBackImages_WithTheirSizes()
    {
        var images = PngStream.Split([.. Png(3, 4), .. Png(5, 6)]);
        Assert.Equal([(3, 4), (5, 6)], images.Select(i => (i.Width, i.Height)));
        Assert.Equal(Png(5, 6), images[1].Png);
    }

    [Fact]
    public void PngStream_RefusesWhatIsNotWholePngs()
    {
        var png = Png(3, 4);
        Assert.Empty(PngStream.Split([]));
        Assert.Throws<InvalidDataException>(() => PngStream.Split("not a png"u8));
        Assert.Throws<InvalidDataException>(() => PngStream.Split(png.AsSpan(0, png.Length - 4)));
        Assert.Throws<InvalidDataException>(() => PngStream.Split([.. png, 1, 2, 3]));
        Assert.Throws<InvalidDataException>(() => PngStream.Split(Png(0, 4)));
    }
}
