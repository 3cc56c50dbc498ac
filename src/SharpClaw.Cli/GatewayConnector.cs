using System.CommandLine;
using System.Net.Sockets;
using System.Net.WebSockets;
using System.Text.Json.Nodes;
using SharpClaw.Core.Client;
using SharpClaw.Core.Config;

namespace SharpClaw.Cli;

/// <summary>
/// Connects the CLI to a running gateway as client <c>cli</c> with its own device identity, resolving the
/// URL and credentials from flags, environment and the config file, and turning failures into advice.
/// </summary>
public static class GatewayConnector
{
    public static async Task<GatewayClient> ConnectAsync(ParseResult parse, CliEnvironment env, CancellationToken ct)
    {
        var config = ReadConfig(env);
        var port = (int?)(config?["gateway"]?["port"] as JsonValue)?.GetValue<long>() ?? 18789;
        var url = parse.GetValue(GlobalOptions.Url) ?? env.Env("OPENCLAW_GATEWAY_URL") ?? $"ws://127.0.0.1:{port}/";
        var token = parse.GetValue(GlobalOptions.Token) ?? NonEmpty(env.Env("OPENCLAW_GATEWAY_TOKEN")) ?? (string?)config?["gateway"]?["auth"]?["token"];
        var password = parse.GetValue(GlobalOptions.Password) ?? NonEmpty(env.Env("OPENCLAW_GATEWAY_PASSWORD")) ?? (string?)config?["gateway"]?["auth"]?["password"];
        if (token?.Contains("${", StringComparison.Ordinal) == true)
        {
            token = null;
        }

        var store = new DeviceIdentityStore(env.Paths, env.Time);
        var device = await store.LoadOrCreateAsync(ct);
        var deviceToken = token is null && password is null ? await store.LoadTokenAsync(device.DeviceId, "operator", ct) : null;
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("ws" or "wss"))
        {
            throw new CliError($"invalid gateway URL \"{url}\"", "use --url ws://127.0.0.1:18789");
        }

        try
        {
            var client = await GatewayClient.ConnectAsync(new GatewayClientOptions
            {
                Url = uri,
                Token = token,
                Password = password,
                DeviceToken = deviceToken,
                Device = device,
                ClientId = "cli",
                ClientMode = "cli",
                DisplayName = "sharpclaw cli",
            }, ct);
            if (client.DeviceToken is { } issued)
            {
                await store.StoreTokenAsync(device.DeviceId, "operator", issued, client.Scopes, ct);
            }

            return client;
        }
        catch (Exception ex) when (ex is WebSocketException or HttpRequestException or SocketException)
        {
            throw new CliError($"gateway is not running at {url}", "start it with `sharpclaw gateway` (or pass --url)", 2);
        }
        catch (GatewayCallException ex)
        {
            throw Explain(ex);
        }
    }

    public static CliError Explain(GatewayCallException ex)
    {
        var detail = ex.DetailsCode;
        return detail switch
        {
            "AUTH_TOKEN_MISSING" or "AUTH_TOKEN_MISMATCH" => new CliError(ex.Message, "pass --token, set OPENCLAW_GATEWAY_TOKEN, or read it with `sharpclaw config get gateway.auth.token`", 3),
            "AUTH_PASSWORD_MISSING" or "AUTH_PASSWORD_MISMATCH" => new CliError(ex.Message, "pass --password or set OPENCLAW_GATEWAY_PASSWORD", 3),
            "AUTH_RATE_LIMITED" => new CliError(ex.Message, "too many failed attempts from this address; wait and retry", 3),
            "AUTH_DEVICE_TOKEN_MISMATCH" or "AUTH_SCOPE_MISMATCH" => new CliError(ex.Message, "pass --token to re-authenticate with the shared gateway token", 3),
            "PAIRING_REQUIRED" => new CliError(ex.Message, $"approve it from an operator: `sharpclaw devices approve {(string?)ex.Details?["requestId"]}`", 4),
            "MISSING_SCOPE" => new CliError(ex.Message, $"this device lacks {(string?)ex.Details?["missingScope"]}; approve a scope upgrade or use the gateway token", 5),
            _ => new CliError($"{ex.Code}: {ex.Message}"),
        };
    }

    public static JsonObject? ReadConfig(CliEnvironment env)
    {
        try
        {
            return File.Exists(env.Paths.ConfigPath) ? Json5Reader.Parse(File.ReadAllText(env.Paths.ConfigPath)) as JsonObject : null;
        }
        catch (Json5Exception)
        {
            return null;
        }
    }

    private static string? NonEmpty(string? s) => string.IsNullOrEmpty(s) ? null : s;
}
