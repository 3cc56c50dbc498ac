using System.Security.Cryptography;
using System.Text;
using SharpClaw.Core.Security;
using SharpClaw.Core.State;

namespace SharpClaw.Core.Config;

/// <summary>
/// Opaque config revision tokens: <c>hmac-sha256:v1:&lt;base64url&gt;</c> = HMAC-SHA256 with a per-install key
/// (<c>config-hash.key</c> in the state dir, mode 600) over <c>["openclaw.gateway.config-revision.raw.v1","&lt;sha256hex(raw)&gt;"]</c>.
/// </summary>
public sealed class ConfigHasher(string stateDir)
{
    private byte[]? _key;

    public string Hash(string raw)
    {
        var key = _key ??= LoadKey();
        var digest = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(raw)));
        var message = $"[\"openclaw.gateway.config-revision.raw.v1\",\"{digest}\"]";
        return "hmac-sha256:v1:" + Base64Url.Encode(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(message)));
    }

    private byte[] LoadKey()
    {
        var path = Path.Combine(stateDir, "config-hash.key");
        if (File.Exists(path))
        {
            var existing = Base64Url.TryDecode(File.ReadAllText(path).Trim());
            if (existing is { Length: 32 })
            {
                return existing;
            }
        }

        var key = RandomNumberGenerator.GetBytes(32);
        StatePaths.EnsurePrivateDirectory(stateDir);
        AtomicFile.WriteAllTextAsync(path, Base64Url.Encode(key)).GetAwaiter().GetResult();
        return key;
    }
}
