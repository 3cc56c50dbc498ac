using System.Text.Json;
using System.Text.Json.Nodes;
using SharpClaw.Providers.Common;

namespace SharpClaw.Providers.Copilot;

/// <summary>
/// GitHub's OAuth device flow for Copilot: <c>POST /login/device/code</c> (client id + <c>read:user</c>), then poll
/// <c>POST /login/oauth/access_token</c> every <c>interval</c> seconds until GitHub hands out the access token.
/// <c>authorization_pending</c> keeps polling, <c>slow_down</c> lengthens the interval (to the one GitHub sends, else
/// +5 s), <c>expired_token</c> / <c>access_denied</c> end the login. Waiting uses the endpoint's <see cref="TimeProvider"/>.
/// </summary>
internal sealed class CopilotDeviceFlow
{
    public static readonly TimeSpan DefaultInterval = TimeSpan.FromSeconds(5);
    public static readonly TimeSpan SlowDownIncrement = TimeSpan.FromSeconds(5);
    private const int MaxUserCodeLength = 64;

    private readonly ProviderEndpoint _github;

    /// <param name="github">Endpoint whose base URL is https://github.com (or the enterprise host).</param>
    public CopilotDeviceFlow(ProviderEndpoint github)
    {
        _github = github;
    }

    public async Task<CopilotDeviceCode> RequestCodeAsync(CancellationToken cancellationToken)
    {
        var issuedAt = _github.TimeProvider.GetUtcNow();
        var json = await PostFormAsync(CopilotUrls.DeviceCode(_github.BaseUrl), new Dictionary<string, string>
        {
            ["client_id"] = CopilotUrls.ClientId,
            ["scope"] = CopilotUrls.Scope,
        }, cancellationToken);

        var deviceCode = Text(json, "device_code");
        var userCode = Text(json, "user_code")?.Trim();
        var verification = Text(json, "verification_uri");
        var expiresIn = Seconds(json, "expires_in");
        if (deviceCode is null || userCode is not { Length: > 0 and <= MaxUserCodeLength } || expiresIn is not { } expires
            || !Uri.TryCreate(verification, UriKind.Absolute, out var verificationUri))
        {
            throw new CopilotLoginException("GitHub device code response is missing device_code, user_code, verification_uri or expires_in");
        }

        if (verificationUri.Scheme != Uri.UriSchemeHttps || verificationUri.UserInfo.Length > 0 || verificationUri.AbsolutePath != "/login/device")
        {
            throw new CopilotLoginException("GitHub device flow returned an unexpected verification URL (expected https://<github host>/login/device)");
        }

        var interval = Seconds(json, "interval") ?? DefaultInterval;
        return new CopilotDeviceCode(deviceCode, userCode, verificationUri, issuedAt + expires, interval < TimeSpan.FromSeconds(1) ? TimeSpan.FromSeconds(1) : interval);
    }

    /// <summary>Polls until GitHub returns the access token; throws <see cref="CopilotLoginException"/> when denied or expired.</summary>
    public async Task<string> PollForTokenAsync(CopilotDeviceCode code, CancellationToken cancellationToken)
    {
        var time = _github.TimeProvider;
        var interval = code.Interval;
        var form = new Dictionary<string, string>
        {
            ["client_id"] = CopilotUrls.ClientId,
            ["device_code"] = code.DeviceCode,
            ["grant_type"] = CopilotUrls.DeviceGrantType,
        };

        while (time.GetUtcNow() < code.ExpiresAt)
        {
            var wait = Min(interval, code.ExpiresAt - time.GetUtcNow());
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait, time, cancellationToken);
            }

            if (time.GetUtcNow() >= code.ExpiresAt)
            {
                break;
            }

            var json = await PostFormAsync(CopilotUrls.AccessToken(_github.BaseUrl), form, cancellationToken);
            if (Text(json, "access_token") is { Length: > 0 } token)
            {
                return token;
            }

            switch (Text(json, "error"))
            {
                case "authorization_pending":
                    continue;
                case "slow_down":
                    interval = Seconds(json, "interval") ?? interval + SlowDownIncrement;
                    continue;
                case "expired_token":
                    throw new CopilotLoginException("GitHub device code expired; run the login again");
                case "access_denied":
                    throw new CopilotLoginException("GitHub login was cancelled (access denied)");
                case { } other:
                    throw new CopilotLoginException($"GitHub device flow error: {other}");
                default:
                    throw new CopilotLoginException("GitHub device flow returned neither access_token nor error");
            }
        }

        throw new CopilotLoginException("GitHub device code expired; run the login again");
    }

    private async Task<JsonObject> PostFormAsync(Uri url, Dictionary<string, string> form, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new FormUrlEncodedContent(form) };
        CopilotHeaders.AddIdeHeaders(request.Headers);
        using var response = await _github.Http.SendAsync(request, cancellationToken);
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        try
        {
            return JsonNode.Parse(body) as JsonObject ?? throw new CopilotLoginException("GitHub answered the device flow with a non-object");
        }
        catch (JsonException ex)
        {
            throw new CopilotLoginException("GitHub answered the device flow with invalid JSON", ex);
        }
    }

    private static string? Text(JsonObject json, string key)
        => json[key] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;

    private static TimeSpan? Seconds(JsonObject json, string key)
        => json[key] is JsonValue v && v.TryGetValue<double>(out var d) && d >= 0 && d < 86_400 ? TimeSpan.FromSeconds(d) : null;

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;
}
