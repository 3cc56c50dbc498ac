using System.Security.Cryptography;
using SharpClaw.Core.Security;

namespace SharpClaw.Core.Tests.Security;

public sealed class DeviceIdentityTests
{
    [Fact]
    public void DeviceId_IsSha256HexOfRawPublicKey()
    {
        using var id = DeviceIdentity.Create();
        Assert.Equal(32, id.PublicKeyRaw.Length);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(id.PublicKeyRaw)), id.DeviceId);
        Assert.Equal(64, id.DeviceId.Length);
        Assert.DoesNotContain('=', id.PublicKeyBase64Url);
    }

    [Fact]
    public void Signature_VerifiesAndRejectsTampering()
    {
        using var id = DeviceIdentity.Create();
        var sig = id.SignBase64Url("v3|a|b");
        Assert.True(DeviceIdentity.Verify(id.PublicKeyRaw, "v3|a|b", sig));
        Assert.False(DeviceIdentity.Verify(id.PublicKeyRaw, "v3|a|c", sig));
        using var other = DeviceIdentity.Create();
        Assert.False(DeviceIdentity.Verify(other.PublicKeyRaw, "v3|a|b", sig));
        Assert.False(DeviceIdentity.Verify(id.PublicKeyRaw, "v3|a|b", "short"));
    }

    [Fact]
    public void PrivateKey_RoundTrips()
    {
        using var id = DeviceIdentity.Create();
        using var again = DeviceIdentity.FromPrivateKey(id.ExportPrivateKey());
        Assert.Equal(id.DeviceId, again.DeviceId);
        Assert.True(DeviceIdentity.Verify(id.PublicKeyRaw, "x", again.SignBase64Url("x")));
    }

    [Fact]
    public void PublicKey_NormalizesBase64UrlBase64AndPemSpki()
    {
        using var id = DeviceIdentity.Create();
        Assert.Equal(id.PublicKeyRaw, DeviceIdentity.NormalizePublicKey(id.PublicKeyBase64Url));
        Assert.Equal(id.PublicKeyRaw, DeviceIdentity.NormalizePublicKey(Convert.ToBase64String(id.PublicKeyRaw)));
        byte[] spkiPrefix = [0x30, 0x2a, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x03, 0x21, 0x00];
        var pem = "-----BEGIN PUBLIC KEY-----\n" + Convert.ToBase64String([.. spkiPrefix, .. id.PublicKeyRaw]) + "\n-----END PUBLIC KEY-----\n";
        Assert.Equal(id.PublicKeyRaw, DeviceIdentity.NormalizePublicKey(pem));
        Assert.Null(DeviceIdentity.NormalizePublicKey("not base64!"));
        Assert.Null(DeviceIdentity.NormalizePublicKey(Convert.ToBase64String(new byte[31])));
    }

    [Fact]
    public void Payloads_FollowV3AndV2Layouts()
    {
        var v3 = DeviceAuthPayload.BuildV3("dev", "cli", "cli", "operator", ["operator.read", "operator.write"], 1737264000000, "tok", "n1", " Linux ", "iPhone");
        Assert.Equal("v3|dev|cli|cli|operator|operator.read,operator.write|1737264000000|tok|n1|linux|iphone", v3);
        var v2 = DeviceAuthPayload.BuildV2("dev", "cli", "cli", "operator", [], 5, null, "n1");
        Assert.Equal("v2|dev|cli|cli|operator||5||n1", v2);
        Assert.Equal("Äbc", DeviceAuthPayload.NormalizeMetadata("ÄBC"));
    }

    [Fact]
    public void SecretComparer_IsExactAndNullSafe()
    {
        Assert.True(SecretComparer.SecretEquals("abc", "abc"));
        Assert.False(SecretComparer.SecretEquals("abc", "abcd"));
        Assert.False(SecretComparer.SecretEquals(null, "abc"));
        Assert.False(SecretComparer.SecretEquals("abc", null));
    }

    [Fact]
    public void Tokens_HaveExpectedShape()
    {
        Assert.Matches("^[0-9a-f]{48}$", TokenGenerator.NewGatewayToken());
        var device = TokenGenerator.NewDeviceToken();
        Assert.Equal(43, device.Length);
        Assert.Equal(32, Base64Url.TryDecode(device)!.Length);
        Assert.NotEqual(TokenGenerator.NewDeviceToken(), device);
    }
}
