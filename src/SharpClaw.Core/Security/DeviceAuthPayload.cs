using System.Globalization;

namespace SharpClaw.Core.Security;

/// <summary>The string a device signs at connect (OpenClaw payload versions v3 and v2).</summary>
public static class DeviceAuthPayload
{
    public static string BuildV3(string deviceId, string clientId, string clientMode, string role, IReadOnlyList<string> scopes, long signedAtMs, string? token, string nonce, string? platform, string? deviceFamily)
        => string.Join('|', "v3", deviceId, clientId, clientMode, role, string.Join(',', scopes), signedAtMs.ToString(CultureInfo.InvariantCulture), token ?? string.Empty, nonce, NormalizeMetadata(platform), NormalizeMetadata(deviceFamily));

    public static string BuildV2(string deviceId, string clientId, string clientMode, string role, IReadOnlyList<string> scopes, long signedAtMs, string? token, string nonce)
        => string.Join('|', "v2", deviceId, clientId, clientMode, role, string.Join(',', scopes), signedAtMs.ToString(CultureInfo.InvariantCulture), token ?? string.Empty, nonce);

    /// <summary>Trims and lowers ASCII A–Z only, as OpenClaw does for platform and device family.</summary>
    public static string NormalizeMetadata(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return string.Empty;
        }

        var trimmed = value.Trim();
        return string.Create(trimmed.Length, trimmed, static (span, src) =>
        {
            for (var i = 0; i < src.Length; i++)
            {
                var c = src[i];
                span[i] = c is >= 'A' and <= 'Z' ? (char)(c + 32) : c;
            }
        });
    }
}
