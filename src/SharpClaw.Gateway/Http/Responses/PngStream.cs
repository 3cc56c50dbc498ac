using System.Buffers.Binary;

namespace SharpClaw.Gateway.Http.Responses;

/// <summary>
/// Splits what <c>pdftoppm -png</c> writes to stdout (one PNG per page, back to back) into the separate images,
/// reading each one's width and height from its <c>IHDR</c> chunk. Throws <see cref="InvalidDataException"/> for
/// anything that is not a sequence of whole PNG files.
/// </summary>
internal static class PngStream
{
    private static ReadOnlySpan<byte> Signature => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    public static List<(byte[] Png, int Width, int Height)> Split(ReadOnlySpan<byte> data)
    {
        var images = new List<(byte[] Png, int Width, int Height)>();
        var offset = 0;
        while (offset < data.Length)
        {
            if (!data[offset..].StartsWith(Signature))
            {
                throw new InvalidDataException($"renderer output is not PNG at byte {offset}");
            }

            var start = offset;
            offset += Signature.Length;
            int width = 0, height = 0;
            while (true)
            {
                if (data.Length - offset < 12)
                {
                    throw new InvalidDataException("renderer output ends inside a PNG");
                }

                var length = BinaryPrimitives.ReadUInt32BigEndian(data[offset..]);
                var type = data.Slice(offset + 4, 4);
                if (length > (uint)(data.Length - offset - 12))
                {
                    throw new InvalidDataException("renderer output has a truncated PNG chunk");
                }

                if (type.SequenceEqual("IHDR"u8) && length >= 8)
                {
                    width = BinaryPrimitives.ReadInt32BigEndian(data[(offset + 8)..]);
                    height = BinaryPrimitives.ReadInt32BigEndian(data[(offset + 12)..]);
                }

                offset += 12 + (int)length;
                if (type.SequenceEqual("IEND"u8))
                {
                    break;
                }
            }

            if (width <= 0 || height <= 0)
            {
                throw new InvalidDataException("renderer output has a PNG without a valid IHDR");
            }

            images.Add((data[start..offset].ToArray(), width, height));
        }

        return images;
    }
}
