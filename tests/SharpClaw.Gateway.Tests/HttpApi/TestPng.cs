using System.Buffers.Binary;
using System.IO.Compression;

namespace SharpClaw.Gateway.Tests.HttpApi;

/// <summary>Decodes the 8-bit RGB, non-interlaced PNGs pdftoppm writes, so tests can look at rendered pixels.</summary>
internal sealed class TestPng
{
    private readonly byte[] _rgb;

    private TestPng(int width, int height, byte[] rgb)
    {
        Width = width;
        Height = height;
        _rgb = rgb;
    }

    public int Width { get; }

    public int Height { get; }

    /// <summary>Brightness 0..255 (mean of R, G, B) of the pixel at (x, y), y counted from the top.</summary>
    public int Brightness(int x, int y)
    {
        var i = ((y * Width) + x) * 3;
        return (_rgb[i] + _rgb[i + 1] + _rgb[i + 2]) / 3;
    }

    public static TestPng Decode(byte[] png)
    {
        Assert.True(png.AsSpan(0, 8).SequenceEqual((byte[])[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]), "not a PNG");
        int width = 0, height = 0;
        using var idat = new MemoryStream();
        for (var offset = 8; offset < png.Length;)
        {
            var length = (int)BinaryPrimitives.ReadUInt32BigEndian(png.AsSpan(offset));
            var type = System.Text.Encoding.ASCII.GetString(png, offset + 4, 4);
            var data = png.AsSpan(offset + 8, length);
            if (type == "IHDR")
            {
                width = BinaryPrimitives.ReadInt32BigEndian(data);
                height = BinaryPrimitives.ReadInt32BigEndian(data[4..]);
                Assert.Equal((byte)8, data[8]); // bit depth
                Assert.Equal((byte)2, data[9]); // RGB
                Assert.Equal((byte)0, data[12]); // not interlaced
            }
            else if (type == "IDAT")
            {
                idat.Write(data);
            }

            offset += 12 + length;
        }

        idat.Position = 0;
        using var inflated = new MemoryStream();
        using (var zlib = new ZLibStream(idat, CompressionMode.Decompress))
        {
            zlib.CopyTo(inflated);
        }

        return new TestPng(width, height, Unfilter(inflated.ToArray(), width, height));
    }

    private static byte[] Unfilter(byte[] raw, int width, int height)
    {
        var stride = width * 3;
        var rgb = new byte[stride * height];
        for (var y = 0; y < height; y++)
        {
            var filter = raw[y * (stride + 1)];
            for (var x = 0; x < stride; x++)
            {
                var value = raw[(y * (stride + 1)) + 1 + x];
                int left = x >= 3 ? rgb[(y * stride) + x - 3] : 0;
                int up = y > 0 ? rgb[((y - 1) * stride) + x] : 0;
                int upLeft = x >= 3 && y > 0 ? rgb[((y - 1) * stride) + x - 3] : 0;
                rgb[(y * stride) + x] = (byte)(value + filter switch
                {
                    1 => left,
                    2 => up,
                    3 => (left + up) / 2,
                    4 => Paeth(left, up, upLeft),
                    _ => 0,
                });
            }
        }

        return rgb;
    }

    private static int Paeth(int a, int b, int c)
    {
        var p = a + b - c;
        var (pa, pb, pc) = (Math.Abs(p - a), Math.Abs(p - b), Math.Abs(p - c));
        return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
    }
}
