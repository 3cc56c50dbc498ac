using SharpClaw.Agents.Runs;

namespace SharpClaw.Gateway.Http.OpenAi;

/// <summary>
/// Validates inline images (<c>data:&lt;mime&gt;;base64,…</c> or raw base64 + media type): allowed image types only,
/// per-image size cap, bytes sniffed (a recognised image format wins over the declared type).
/// </summary>
internal static class ImageInput
{
    public const long MaxImageBytes = 10 * 1024 * 1024;
    public const long MaxTotalImageBytes = 20 * 1024 * 1024;
    public const int MaxImageParts = 8;

    public static readonly IReadOnlyList<string> AllowedMimes = ["image/jpeg", "image/png", "image/gif", "image/webp", "image/heic", "image/heif"];

    /// <summary>Parses a data URI; null (with the reason) when it is not a usable image.</summary>
    public static RunAttachment? FromDataUri(string uri, out string? error)
    {
        error = null;
        if (!uri.StartsWith("data:", StringComparison.OrdinalIgnoreCase))
        {
            error = "only data: URIs are accepted for images (remote image URLs are disabled)";
            return null;
        }

        var comma = uri.IndexOf(',', StringComparison.Ordinal);
        if (comma < 0)
        {
            error = "data URI without a payload";
            return null;
        }

        var meta = uri[5..comma].Split(';', StringSplitOptions.TrimEntries);
        if (!meta.Any(m => m.Equals("base64", StringComparison.OrdinalIgnoreCase)))
        {
            error = "data URI must be base64-encoded";
            return null;
        }

        var mime = meta.FirstOrDefault(m => m.Contains('/', StringComparison.Ordinal))?.ToLowerInvariant() ?? "image/png";
        return FromBase64(mime, uri[(comma + 1)..], out error);
    }

    public static RunAttachment? FromBase64(string mime, string data, out string? error)
    {
        error = null;
        data = data.Trim();
        if (data.Length == 0)
        {
            error = "empty image payload";
            return null;
        }

        if (data.Length / 4L * 3 > MaxImageBytes)
        {
            error = $"image larger than {MaxImageBytes} bytes";
            return null;
        }

        byte[] bytes;
        try
        {
            bytes = Convert.FromBase64String(data);
        }
        catch (FormatException)
        {
            error = "image payload is not valid base64";
            return null;
        }

        var sniffed = Sniff(bytes);
        var effective = sniffed ?? mime.ToLowerInvariant();
        if (!AllowedMimes.Contains(effective))
        {
            error = $"image type {effective} is not allowed (allowed: {string.Join(", ", AllowedMimes)})";
            return null;
        }

        return new RunAttachment(effective, data);
    }

    public static long DecodedLength(RunAttachment a) => a.Base64Data.Length / 4L * 3;

    /// <summary>The image type recognised from the first bytes, or null.</summary>
    public static string? Sniff(ReadOnlySpan<byte> b)
    {
        if (b.Length >= 8 && b[0] == 0x89 && b[1] == 0x50 && b[2] == 0x4E && b[3] == 0x47)
        {
            return "image/png";
        }

        if (b.Length >= 3 && b[0] == 0xFF && b[1] == 0xD8 && b[2] == 0xFF)
        {
            return "image/jpeg";
        }

        if (b.Length >= 6 && b[0] == (byte)'G' && b[1] == (byte)'I' && b[2] == (byte)'F' && b[3] == (byte)'8')
        {
            return "image/gif";
        }

        if (b.Length >= 12 && b[..4].SequenceEqual("RIFF"u8) && b[8..12].SequenceEqual("WEBP"u8))
        {
            return "image/webp";
        }

        if (b.Length >= 12 && b[4..8].SequenceEqual("ftyp"u8))
        {
            var brand = System.Text.Encoding.ASCII.GetString(b[8..12]);
            return brand is "heic" or "heix" or "hevc" ? "image/heic" : brand is "mif1" or "msf1" or "heif" ? "image/heif" : null;
        }

        return b.Length >= 4 && b[..4].SequenceEqual("%PDF"u8) ? "application/pdf" : null;
    }
}
