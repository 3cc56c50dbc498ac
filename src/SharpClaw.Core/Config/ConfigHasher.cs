using System.Security.Cryptography;
using System.Text;
using SharpClaw.Core.Security;
using SharpClaw.Core.State;

namespace SharpClaw.Core.Config;

/// <summary>
/// Opaque config revision tokens: <c>hmac-sha256:v1:&lt;base64url&gt;</c> = HMAC-SHA256 with a per-install 32-byte
/// key (<c>config-hash.key</c> in the state dir, mode 600, created on first use) over the JSON text
/// <c>["openclaw.gateway.config-revision.raw.v1","&lt;sha256hex(raw)&gt;"]</c>.
/// </summary>
public sealed class ConfigHasher
{
    public const string KeyFileName = "config-hash.key";
    public const string Prefix = "hmac-sha256:v1:";
    private const string Domain = "openclaw.gateway.config-revision.raw.v1";

    private readonly byte[] _key;

    private ConfigHasher(byte[] key) => _key = key;

    /// <summary>Loads the install key from <paramref name="stateDir"/>, creating it (mode 600) when missing or unreadable.</summary>
    public static async Task<ConfigHasher> CreateAsync(string stateDir, CancellationToken ct = default)
    {
        var path = Path.Combine(stateDir, KeyFileName);
        if (File.Exists(path))
        {
            var existing = Base64Url.TryDecode(await File.ReadAllTextAsync(path, ct));
            if (existing is { Length: 32 })
            {
                return new ConfigHasher(existing);
            }
        }

        var key = RandomNumberGenerator.GetBytes(32);
        await AtomicFile.WriteAllTextAsync(path, Base64Url.Encode(key) + "\n", ct);
        return new ConfigHasher(key);
    }

    /// <summary>A hasher with an explicit key (tests, tools).</summary>
    public static ConfigHasher FromKey(ReadOnlySpan<byte> key) => key.Length == 32 ? new ConfigHasher(key.ToArray()) : throw new ArgumentException("the key must be 32 bytes", nameof(key));

    /// <summary>The revision token of <paramref name="raw"/> (the file text).</summary>
    public string Hash(string raw)
    {
        var digest = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(raw)));
        var message = $"[\"{Domain}\",\"{digest}\"]";
        return Prefix + Base64Url.Encode(HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes(message)));
    }
}
