using System.Text.Json.Nodes;
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
    private readonly ConfigStore _store;
    private GatewayRuntimeSettings _current;

    private GatewayConfiguration(GatewayHostOptions options, ConfigStore store)
    {
        _options = options;
        _store = store;
        _current = Resolve(store.Current.Resolved, options);
        store.Changed += OnStoreChanged;
    }

    public event Action? Changed;

    public GatewayRuntimeSettings Current => _current;

    public ConfigStore Store => _store;

    public string? Hash => _store.Current.Hash;

    public string? LastReloadError => _store.LastReloadError;

    /// <summary>The resolved config tree (env-substituted).</summary>
    public JsonObject? Root => _store.Current.Resolved;

    public static async Task<GatewayConfiguration> LoadAsync(GatewayHostOptions options, TextWriter console, CancellationToken ct)
    {
        var path = options.Paths.ConfigPath;
        ConfigStore store;
        try
        {
            store = await ConfigStore.LoadAsync(path, options.Paths.StateDir, options.Environment, options.TimeProvider, ct);
        }
        catch (ConfigValidationException ex)
        {
            throw new GatewayStartException($"{ex.Message}\nFix the file and start again (nothing was changed).");
        }

        var settings = Resolve(store.Current.Resolved, options);
        if (settings.AuthMode == "token" && settings.Token is null)
        {
            var token = TokenGenerator.NewGatewayToken();
            if (store.Current.Exists)
            {
                var patch = new JsonObject { ["gateway"] = new JsonObject { ["auth"] = new JsonObject { ["token"] = token } } };
                await store.PatchAsync(patch.ToJsonString(), store.Current.Hash, null, ct);
            }
            else
            {
                await AtomicFile.WriteAllTextAsync(path, $$"""
                    {
                      "gateway": {
                        "auth": {
                          "mode": "token",
                          "token": "{{token}}"
                        }
                      }
                    }

                    """, ct);
                await store.ReloadAsync(ct);
            }

            settings = Resolve(store.Current.Resolved, options);
            await console.WriteLineAsync($"sharpclaw: generated a gateway token and saved it as gateway.auth.token in {path}.");
            await console.WriteLineAsync("sharpclaw: clients authenticate with it; show it with `sharpclaw config get gateway.auth.token` (it is not printed again).");
        }

        Refuse(settings);
        Http.Hooks.HookTransformPaths.Refuse(store.Current.Resolved, path);
        store.StartWatching();
        return new GatewayConfiguration(options, store);
    }

    public JsonObject StatusNode() => new()
    {
        ["valid"] = LastReloadError is null,
        ["hash"] = Hash,
        ["exists"] = _store.Current.Exists,
        ["lastReloadError"] = LastReloadError,
    };

    public void RegisterMethods(MethodRegistry methods) => new Methods.ConfigMethods(this).Register(methods);

    public void Dispose()
    {
        _store.Changed -= OnStoreChanged;
        _store.Dispose();
    }

    private void OnStoreChanged(ConfigSnapshot snapshot)
    {
        var next = Resolve(snapshot.Resolved, _options);
        try
        {
            Refuse(next);
            Http.Hooks.HookTransformPaths.Refuse(snapshot.Resolved, _options.Paths.ConfigPath);
        }
        catch (GatewayStartException)
        {
            // An unsafe combination (e.g. hooks token = gateway token) is not applied at runtime either.
            return;
        }

        Volatile.Write(ref _current, next with { Port = _current.Port, Bind = _current.Bind, CustomBindHost = _current.CustomBindHost });
        Changed?.Invoke();
    }

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

}
