namespace SharpClaw.Core.Security;

/// <summary>Base64url without padding, and a permissive decoder that also takes standard base64.</summary>
public static class Base64Url
{
    public static string Encode(ReadOnlySpan<byte> data) => System.Buffers.Text.Base64Url.EncodeToString(data);

    /// <summary>Decodes base64url or standard base64, padded or not. Returns null when the text is not base64.</summary>
    public static byte[]? TryDecode(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var s = text.Trim().Replace('+', '-').Replace('/', '_').TrimEnd('=');
        try
        {
            return System.Buffers.Text.Base64Url.DecodeFromChars(s);
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
