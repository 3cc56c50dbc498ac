using System.Security.Cryptography;
using System.Text;
using NSec.Cryptography;

namespace SharpClaw.Core.Security;

/// <summary>
/// An Ed25519 device key pair. The device id is the lowercase hex SHA-256 of the raw 32-byte public key;
/// the public key travels as base64url of the raw key.
/// </summary>
public sealed class DeviceIdentity : IDisposable
{
    private static readonly SignatureAlgorithm Algorithm = SignatureAlgorithm.Ed25519;
    private readonly Key _key;

    private DeviceIdentity(Key key)
    {
        _key = key;
        PublicKeyRaw = key.PublicKey.Export(KeyBlobFormat.RawPublicKey);
        DeviceId = DeriveDeviceId(PublicKeyRaw);
        PublicKeyBase64Url = Base64Url.Encode(PublicKeyRaw);
    }

    public string DeviceId { get; }

    public byte[] PublicKeyRaw { get; }

    public string PublicKeyBase64Url { get; }

    public static DeviceIdentity Create()
        => new(Key.Create(Algorithm, new KeyCreationParameters { ExportPolicy = KeyExportPolicies.AllowPlaintextExport }));

    /// <summary>Imports a raw 32-byte Ed25519 private key (seed).</summary>
    public static DeviceIdentity FromPrivateKey(ReadOnlySpan<byte> rawPrivateKey)
        => new(Key.Import(Algorithm, rawPrivateKey, KeyBlobFormat.RawPrivateKey, new KeyCreationParameters { ExportPolicy = KeyExportPolicies.AllowPlaintextExport }));

    public byte[] ExportPrivateKey() => _key.Export(KeyBlobFormat.RawPrivateKey);

    public string SignBase64Url(string payload) => Base64Url.Encode(Algorithm.Sign(_key, Encoding.UTF8.GetBytes(payload)));

    public static string DeriveDeviceId(ReadOnlySpan<byte> rawPublicKey) => Convert.ToHexStringLower(SHA256.HashData(rawPublicKey));

    /// <summary>
    /// Normalises a public key given as base64url, base64 or PEM SPKI into the raw 32 bytes; null when invalid.
    /// </summary>
    public static byte[]? NormalizePublicKey(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var trimmed = text.Trim();
        byte[]? bytes;
        if (trimmed.StartsWith("-----BEGIN", StringComparison.Ordinal))
        {
            var body = string.Concat(trimmed.Split('\n').Where(l => !l.StartsWith("-----", StringComparison.Ordinal)).Select(l => l.Trim()));
            bytes = Base64Url.TryDecode(body);
        }
        else
        {
            bytes = Base64Url.TryDecode(trimmed);
        }

        if (bytes is null)
        {
            return null;
        }

        if (bytes.Length == 32)
        {
            return bytes;
        }

        // SPKI DER for Ed25519: 12-byte prefix + 32-byte key.
        if (bytes.Length == 44 && bytes[0] == 0x30 && bytes[1] == 0x2a && bytes[8] == 0x70)
        {
            return bytes[12..];
        }

        return null;
    }

    /// <summary>Verifies a base64url (or base64) Ed25519 signature over the UTF-8 payload.</summary>
    public static bool Verify(ReadOnlySpan<byte> rawPublicKey, string payload, string signature)
    {
        var sig = Base64Url.TryDecode(signature);
        if (sig is null || sig.Length != 64 || rawPublicKey.Length != 32)
        {
            return false;
        }

        if (!PublicKey.TryImport(Algorithm, rawPublicKey, KeyBlobFormat.RawPublicKey, out var pub) || pub is null)
        {
            return false;
        }

        return Algorithm.Verify(pub, Encoding.UTF8.GetBytes(payload), sig);
    }

    public void Dispose() => _key.Dispose();
}
