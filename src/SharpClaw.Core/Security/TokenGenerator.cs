using System.Security.Cryptography;

namespace SharpClaw.Core.Security;

/// <summary>Random secrets: gateway tokens (48 hex chars) and device tokens (32 bytes, base64url).</summary>
public static class TokenGenerator
{
    public static string NewGatewayToken() => RandomNumberGenerator.GetHexString(48, lowercase: true);

    public static string NewDeviceToken() => Base64Url.Encode(RandomNumberGenerator.GetBytes(32));

    public static string NewId() => Guid.NewGuid().ToString();
}
