using System.Text.Json.Nodes;
using SharpClaw.Core.Security;
using SharpClaw.Core.State;

namespace SharpClaw.Core.Client;

/// <summary>
/// The CLI's own device identity (<c>identity/device.json</c>) and the device tokens the gateway issued to it
/// (<c>identity/device-auth.json</c>), both mode 600 in a mode-700 directory.
/// </summary>
public sealed class DeviceIdentityStore(StatePaths paths, TimeProvider time)
{
    private string IdentityFile => Path.Combine(paths.IdentityDir, "device.json");

    private string TokensFile => Path.Combine(paths.IdentityDir, "device-auth.json");

    public async Task<DeviceIdentity> LoadOrCreateAsync(CancellationToken ct = default)
    {
        if (File.Exists(IdentityFile) && JsonNode.Parse(await File.ReadAllTextAsync(IdentityFile, ct)) is JsonObject o
            && Base64Url.TryDecode((string?)o["privateKey"]) is { Length: 32 } seed)
        {
            return DeviceIdentity.FromPrivateKey(seed);
        }

        var identity = DeviceIdentity.Create();
        var doc = new JsonObject
        {
            ["version"] = 1,
            ["deviceId"] = identity.DeviceId,
            ["publicKey"] = identity.PublicKeyBase64Url,
            ["privateKey"] = Base64Url.Encode(identity.ExportPrivateKey()),
            ["createdAtMs"] = time.GetUtcNow().ToUnixTimeMilliseconds(),
        };
        await AtomicFile.WriteAllTextAsync(IdentityFile, doc.ToJsonString(), ct);
        return identity;
    }

    public async Task<string?> LoadTokenAsync(string deviceId, string role, CancellationToken ct = default)
    {
        var doc = await ReadTokensAsync(ct);
        return (string?)doc["deviceId"] == deviceId ? (string?)doc["tokens"]?[role]?["token"] : null;
    }

    public async Task StoreTokenAsync(string deviceId, string role, string token, IReadOnlyList<string> scopes, CancellationToken ct = default)
    {
        var doc = await ReadTokensAsync(ct);
        if ((string?)doc["deviceId"] != deviceId)
        {
            doc = new JsonObject { ["deviceId"] = deviceId, ["tokens"] = new JsonObject() };
        }

        doc["tokens"]![role] = new JsonObject { ["token"] = token, ["scopes"] = Protocol.Frames.JsonNodes.StringArray(scopes), ["updatedAtMs"] = time.GetUtcNow().ToUnixTimeMilliseconds() };
        await AtomicFile.WriteAllTextAsync(TokensFile, doc.ToJsonString(), ct);
    }

    public async Task ClearTokenAsync(string deviceId, string role, CancellationToken ct = default)
    {
        var doc = await ReadTokensAsync(ct);
        if ((string?)doc["deviceId"] == deviceId && doc["tokens"] is JsonObject tokens && tokens.Remove(role))
        {
            await AtomicFile.WriteAllTextAsync(TokensFile, doc.ToJsonString(), ct);
        }
    }

    private async Task<JsonObject> ReadTokensAsync(CancellationToken ct)
        => File.Exists(TokensFile) && JsonNode.Parse(await File.ReadAllTextAsync(TokensFile, ct)) is JsonObject o ? o : new JsonObject { ["tokens"] = new JsonObject() };
}
