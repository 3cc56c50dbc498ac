using System.Security.Cryptography;
using System.Text;

namespace SharpClaw.Core.Security;

/// <summary>Constant-time secret comparison: both sides are hashed first, so length leaks nothing.</summary>
public static class SecretComparer
{
    public static bool SecretEquals(string? provided, string? expected)
    {
        if (provided is null || expected is null)
        {
            return false;
        }

        Span<byte> a = stackalloc byte[32];
        Span<byte> b = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes(provided), a);
        SHA256.HashData(Encoding.UTF8.GetBytes(expected), b);
        return CryptographicOperations.FixedTimeEquals(a, b);
    }
}
