using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using SharpClaw.Core.State;

namespace SharpClaw.Providers.Copilot;

/// <summary>
/// Copilot credentials under <c>&lt;stateDir&gt;/credentials/</c> (directory mode 700, files mode 600, atomic
/// replace): <c>github-copilot.json</c> holds the GitHub token from <c>models auth login</c> (an auth-profile style
/// <c>{type:"token", provider:"github-copilot", token}</c>), <c>github-copilot.token.json</c> caches the exchanged
/// Copilot API token with a fingerprint of the GitHub token it came from (a different login never reuses it).
/// </summary>
internal sealed class CopilotCredentialStore
{
    private const long MaxFileBytes = 64 * 1024;

    public CopilotCredentialStore(string stateDir)
    {
        Directory = Path.Combine(stateDir, "credentials");
    }

    public string Directory { get; }

    public string LoginPath => Path.Combine(Directory, "github-copilot.json");

    public string CachePath => Path.Combine(Directory, "github-copilot.token.json");

    public string? ReadGitHubToken()
        => ReadObject(LoginPath)?["token"] is JsonValue v && v.TryGetValue<string>(out var token) && token.Length > 0 ? token : null;

    public Task SaveGitHubTokenAsync(string token, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var json = new JsonObject
        {
            ["version"] = 1,
            ["type"] = "token",
            ["provider"] = CopilotProvider.ProviderId,
            ["token"] = token,
            ["createdAt"] = now.ToUnixTimeMilliseconds(),
        };
        return AtomicFile.WriteAllTextAsync(LoginPath, json.ToJsonString(), cancellationToken);
    }

    public CopilotApiToken? ReadCachedToken(string githubToken)
    {
        var json = ReadObject(CachePath);
        if (json is null || Str(json, "githubTokenHash") != Fingerprint(githubToken))
        {
            return null;
        }

        var token = Str(json, "token");
        var expires = Long(json, "expiresAt");
        var refresh = Long(json, "refreshAt") ?? expires;
        if (token is null || expires is null || refresh is null || !Uri.TryCreate(Str(json, "baseUrl"), UriKind.Absolute, out var baseUrl))
        {
            return null;
        }

        return new CopilotApiToken(token, DateTimeOffset.FromUnixTimeMilliseconds(expires.Value), DateTimeOffset.FromUnixTimeMilliseconds(refresh.Value), baseUrl);
    }

    public Task SaveCachedTokenAsync(string githubToken, CopilotApiToken token, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var json = new JsonObject
        {
            ["token"] = token.Token,
            ["expiresAt"] = token.ExpiresAt.ToUnixTimeMilliseconds(),
            ["refreshAt"] = token.RefreshAt.ToUnixTimeMilliseconds(),
            ["updatedAt"] = now.ToUnixTimeMilliseconds(),
            ["baseUrl"] = token.BaseUrl.AbsoluteUri,
            ["githubTokenHash"] = Fingerprint(githubToken),
        };
        return AtomicFile.WriteAllTextAsync(CachePath, json.ToJsonString(), cancellationToken);
    }

    /// <summary>First 16 hex digits of SHA-256: enough to tell logins apart, useless for recovering the token.</summary>
    public static string Fingerprint(string githubToken)
        => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(githubToken)))[..16];

    private static JsonObject? ReadObject(string path)
    {
        try
        {
            var info = new FileInfo(path);
            if (!info.Exists || info.Length > MaxFileBytes)
            {
                return null;
            }

            return JsonNode.Parse(File.ReadAllText(path)) as JsonObject;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or JsonException)
        {
            return null;
        }
    }

    private static string? Str(JsonObject json, string key) => json[key] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;

    private static long? Long(JsonObject json, string key) => json[key] is JsonValue v && v.TryGetValue<long>(out var l) ? l : null;
}
