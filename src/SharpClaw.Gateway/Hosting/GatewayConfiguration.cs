using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using SharpClaw.Core.Config;
using SharpClaw.Core.Security;
using SharpClaw.Core.State;
using SharpClaw.Gateway.Rpc;
using SharpClaw.Gateway.Runtime;

namespace SharpClaw.Gateway.Hosting;

/// <summary>
/// The gateway's view of its configuration: the config file, command-line overrides and environment
/// overrides resolved into <see cref="GatewayRuntimeSettings"/>, the start-up refusals of security §1.3, and
/// first-start token generation.
/// </summary>
public sealed class GatewayConfiguration : IDisposable
{
    private readonly GatewayHostOptions _options;
    private GatewayRuntimeSettings _current;

    private GatewayConfiguration(GatewayHostOptions options, GatewayRuntimeSettings current, string? hash, JsonObject? root)
    {
        _options = options;
        _current = current;
        Hash = hash;
        Root = root;
    }

    /// <summary>The resolved config tree (null when there is no config file).</summary>
    public JsonObject? Root { get; private set; }

    public event Action? Changed;

    public GatewayRuntimeSettings Current => _current;

    public string? Hash { get; private set; }

    public string? LastReloadError { get; private set; }

    public static async Task<GatewayConfiguration> LoadAsync(GatewayHostOptions options, TextWriter console, CancellationToken ct)
    {
        var path = options.Paths.ConfigPath;
        JsonObject? root = null;
        string? raw = null;
        if (File.Exists(path))
        {
            raw = await File.ReadAllTextAsync(path, ct);
            try
            {
                root = Json5Reader.Parse(raw) as JsonObject ?? throw new GatewayStartException($"config {path}: the top level must be an object");
            }
            catch (Json5Exception ex)
            {
                throw new GatewayStartException($"config {path} is not valid JSON5: {ex.Message}. Fix the file (nothing was changed).");
            }
        }

        var settings = Resolve(root, options);
        if (settings.AuthMode == "token" && settings.Token is null)
        {
            var token = TokenGenerator.NewGatewayToken();
            root = await PersistGeneratedTokenAsync(path, root, token, ct);
            settings = Resolve(root, options);
            await console.WriteLineAsync($"sharpclaw: generated a gateway token and saved it as gateway.auth.token in {path}.");
            await console.WriteLineAsync("sharpclaw: clients authenticate with it; show it with `sharpclaw config get gateway.auth.token` (it is not printed again).");
        }

        Refuse(settings);
        return new GatewayConfiguration(options, settings, raw is null ? null : Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(raw))), root);
    }

    public void ConfigureLogging(ILoggingBuilder logging)
    {
    }

    public JsonObject StatusNode() => new()
    {
        ["valid"] = LastReloadError is null,
        ["hash"] = Hash,
        ["lastReloadError"] = LastReloadError,
    };

    public void RegisterMethods(GatewayServices services, MethodRegistry methods)
    {
    }

    public void Dispose()
    {
    }

    internal void RaiseChanged() => Changed?.Invoke();

    private static GatewayRuntimeSettings Resolve(JsonObject? root, GatewayHostOptions options)
    {
        var s = GatewayRuntimeSettings.From(root);
        var envToken = options.Environment("OPENCLAW_GATEWAY_TOKEN");
        var envPassword = options.Environment("OPENCLAW_GATEWAY_PASSWORD");
        var token = options.Token ?? (string.IsNullOrEmpty(envToken) ? s.Token : envToken);
        var password = options.Password ?? (string.IsNullOrEmpty(envPassword) ? s.Password : envPassword);
        var mode = s.AuthMode;
        var explicitMode = (root?["gateway"]?["auth"]?["mode"]) is not null;
        if (options.Password is not null && options.Token is null)
        {
            mode = "password";
        }
        else if (options.Token is not null)
        {
            mode = "token";
        }
        else if (!explicitMode && password is not null && token is null)
        {
            mode = "password";
        }

        return s with
        {
            Port = options.Port ?? s.Port,
            Bind = options.Bind ?? s.Bind,
            Token = token,
            Password = password,
            AuthMode = mode,
        };
    }

    private static void Refuse(GatewayRuntimeSettings s)
    {
        string[] placeholders = ["undefined", "null", "changeme", "change-me", "your-token", "your-token-here", "token", "password", "secret"];
        if (s.AuthMode == "token" && s.Token is { } t && placeholders.Contains(t.Trim().ToLowerInvariant()))
        {
            throw new GatewayStartException($"gateway.auth.token is a placeholder (\"{t}\"); set a real secret or remove it to have one generated");
        }

        if (s.AuthMode == "password" && s.Password is null)
        {
            throw new GatewayStartException("gateway.auth.mode is \"password\" but no password is set (gateway.auth.password or OPENCLAW_GATEWAY_PASSWORD)");
        }

        var hasSecret = (s.AuthMode == "token" && s.Token is not null) || (s.AuthMode == "password" && s.Password is not null);
        if (!GatewayHost.IsLoopbackBind(s) && !hasSecret && s.AuthMode != "trusted-proxy")
        {
            throw new GatewayStartException($"refusing to bind gateway to {s.Bind}:{s.Port} without auth: set gateway.auth.token or gateway.auth.password (or bind to loopback)");
        }

        if (s.AuthMode == "trusted-proxy" && s.TrustedProxies.Count == 0)
        {
            throw new GatewayStartException("gateway.auth.mode is \"trusted-proxy\" but gateway.trustedProxies is empty");
        }

        if (s.HooksToken is not null && (SecretComparer.SecretEquals(s.HooksToken, s.Token) || SecretComparer.SecretEquals(s.HooksToken, s.Password)))
        {
            throw new GatewayStartException("hooks.token must differ from the gateway token/password (a hooks caller would otherwise hold full gateway access)");
        }

        if (s.ControlUiEnabled && !GatewayHost.IsLoopbackBind(s) && s.AllowedOrigins.Count == 0 && !s.AllowHostHeaderOriginFallback)
        {
            throw new GatewayStartException("the Control UI is enabled on a non-loopback bind without gateway.controlUi.allowedOrigins; list the origins you use");
        }
    }

    private static async Task<JsonObject> PersistGeneratedTokenAsync(string path, JsonObject? root, string token, CancellationToken ct)
    {
        root = root is null ? new JsonObject() : (JsonObject)root.DeepClone();
        if (root["gateway"] is not JsonObject gateway)
        {
            gateway = new JsonObject();
            root["gateway"] = gateway;
        }

        if (gateway["auth"] is not JsonObject auth)
        {
            auth = new JsonObject();
            gateway["auth"] = auth;
        }

        auth["mode"] ??= "token";
        auth["token"] = token;
        await AtomicFile.WriteAllTextAsync(path, root.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true }) + "\n", ct);
        return root;
    }
}
