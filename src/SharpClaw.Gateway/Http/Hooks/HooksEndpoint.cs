using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using SharpClaw.Core.Security;
using SharpClaw.Gateway.Auth;

namespace SharpClaw.Gateway.Http.Hooks;

/// <summary>
/// Webhooks under <c>hooks.path</c> (seed §4.2), checked in this order: <c>?token=</c> refused (400) → POST only
/// (405) → hooks token from <c>Authorization: Bearer</c> or <c>X-OpenClaw-Token</c> (401; 20 failures per 60 s per
/// client → 429 + Retry-After) → sub-path (404) → body under <c>hooks.maxBodyBytes</c> (413/408/400) →
/// <c>wake</c>, <c>agent</c>, then <c>hooks.mappings[]</c> and presets. A mapping's transform is the
/// <see cref="IHookTransform"/> registered under its module name, else a JavaScript module (<see cref="JsHookTransforms"/>).
/// </summary>
internal sealed class HooksEndpoint(HttpApiContext api) : IDisposable
{
    public const string QueryTokenError = "Hook token must be provided via Authorization: Bearer <token> or X-OpenClaw-Token header (query parameters are not allowed).";
    private const string LimiterScope = "hook-auth";
    private readonly AuthRateLimiter _failures = new(api.Time, () => new RateLimitSettings(20, 60_000, 60_000, ExemptLoopback: false));
    private readonly HookDispatcher _dispatcher = new(api);
    // Created on the first JavaScript transform, so a gateway without any does not load the JS engine (idle memory).
    private readonly Lazy<JsHookTransforms> _scripts = new(() => new JsHookTransforms(api.Time));

    public void Dispose()
    {
        if (_scripts.IsValueCreated)
        {
            _scripts.Value.Dispose();
        }
    }

    /// <summary>Handles the request when it is under the enabled hooks base path.</summary>
    public async Task<bool> TryHandleAsync(HttpContext http, string path)
    {
        var settings = HooksSettings.From(api.Root);
        if (!settings.Enabled || settings.Token is null || !(path == settings.BasePath || path.StartsWith(settings.BasePath + "/", StringComparison.Ordinal)))
        {
            return false;
        }

        if (http.Request.Query.ContainsKey("token"))
        {
            await HttpReplies.TextAsync(http, 400, QueryTokenError);
            return true;
        }

        if (!HttpMethods.IsPost(http.Request.Method))
        {
            await HttpReplies.MethodNotAllowedAsync(http, "POST");
            return true;
        }

        if (!await AuthorizeAsync(http, settings))
        {
            return true;
        }

        var subPath = path[settings.BasePath.Length..].Trim('/');
        if (subPath.Length == 0)
        {
            await HttpReplies.NotFoundAsync(http);
            return true;
        }

        var read = await JsonBodyReader.ReadAsync(http, settings.MaxBodyBytes, api.Time);
        if (!read.IsOk)
        {
            var error = read.Error switch { BodyReadError.TooLarge => "payload too large", BodyReadError.Timeout => "request body timeout", _ => read.Message! };
            await HttpReplies.JsonAsync(http, read.StatusCode, new JsonObject { ["ok"] = false, ["error"] = error });
            return true;
        }

        var payload = read.Body is JsonObject or JsonArray ? read.Body : new JsonObject();
        var (status, body) = subPath switch
        {
            "wake" => Wake(payload as JsonObject ?? []),
            "agent" => Agent(http, payload as JsonObject ?? [], settings),
            _ => await MappedAsync(http, subPath, payload, settings),
        };
        if (status == StatusCodes.Status204NoContent)
        {
            http.Response.StatusCode = status;
        }
        else if (body is null)
        {
            await HttpReplies.NotFoundAsync(http);
        }
        else
        {
            await HttpReplies.JsonAsync(http, status, body);
        }

        return true;
    }

    private async Task<bool> AuthorizeAsync(HttpContext http, HooksSettings settings)
    {
        var provided = HttpAuthenticator.ReadCredential(http.Request);
        if (provided is not null && SecretComparer.SecretEquals(provided, settings.Token!))
        {
            _failures.Reset(LimiterScope, HookClientKey.Of(http, api.Services.Settings().TrustedProxies));
            return true;
        }

        var client = HookClientKey.Of(http, api.Services.Settings().TrustedProxies);
        if (_failures.CheckLockout(LimiterScope, client, loopbackExempt: false) is { } waitMs)
        {
            http.Response.Headers.RetryAfter = Math.Max(1, (waitMs + 999) / 1000).ToString(System.Globalization.CultureInfo.InvariantCulture);
            await HttpReplies.TextAsync(http, StatusCodes.Status429TooManyRequests, "Too Many Requests");
            return false;
        }

        _failures.RecordFailure(LimiterScope, client, loopbackExempt: false);
        await HttpReplies.TextAsync(http, StatusCodes.Status401Unauthorized, "Unauthorized");
        return false;
    }

    private (int, JsonObject?) Wake(JsonObject payload)
    {
        var text = ConfigValues.String(payload["text"])?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            return (400, new JsonObject { ["ok"] = false, ["error"] = "text required" });
        }

        var mode = _dispatcher.Wake(text, ConfigValues.String(payload["mode"]));
        return (200, new JsonObject { ["ok"] = true, ["mode"] = mode });
    }

    private (int, JsonObject?) Agent(HttpContext http, JsonObject payload, HooksSettings settings)
    {
        if (payload["model"] is { } model && string.IsNullOrWhiteSpace(ConfigValues.String(model)))
        {
            return (400, new JsonObject { ["ok"] = false, ["error"] = "model required" });
        }

        var action = new HookAgentAction
        {
            Message = ConfigValues.String(payload["message"])?.Trim() ?? string.Empty,
            Name = ConfigValues.String(payload["name"])?.Trim() is { Length: > 0 } name ? name : "Hook",
            AgentId = ConfigValues.String(payload["agentId"]),
            SessionKey = ConfigValues.String(payload["sessionKey"]),
            SessionKeyFromRequest = true,
            Deliver = ConfigValues.Bool(payload["deliver"]) != false,
            Channel = ConfigValues.String(payload["channel"]) ?? "last",
            To = ConfigValues.String(payload["to"]),
            Model = ConfigValues.String(payload["model"])?.Trim(),
            Thinking = ConfigValues.String(payload["thinking"]),
            TimeoutSeconds = ConfigValues.Long(payload["timeoutSeconds"]) is > 0 and var t ? (int)t : null,
            WakeMode = ConfigValues.String(payload["wakeMode"]) == "next-heartbeat" ? "next-heartbeat" : "now",
            IdempotencyKey = IdempotencyKey(http, payload),
        };
        return _dispatcher.DispatchAgent(action, settings, settings.Token!, "agent");
    }

    private async Task<(int, JsonObject?)> MappedAsync(HttpContext http, string subPath, JsonNode payload, HooksSettings settings)
    {
        var mapping = settings.Mappings.FirstOrDefault(m => m.Matches(subPath, payload));
        if (mapping is null)
        {
            return (404, null);
        }

        var headers = new JsonObject();
        foreach (var (name, value) in http.Request.Headers)
        {
            headers[name.ToLowerInvariant()] = string.Join(", ", value.ToArray());
        }

        var query = new JsonObject();
        foreach (var (name, value) in http.Request.Query)
        {
            query[name] = value.ToString();
        }

        JsonObject? overrides = null;
        if (mapping.TransformModule is { } module)
        {
            try
            {
                var transform = api.Extensions.FindTransform(module) ?? ScriptTransform(mapping, module, settings);
                var input = new JsonObject { ["payload"] = payload.DeepClone(), ["headers"] = WithoutHookToken(headers), ["url"] = $"{http.Request.Scheme}://{http.Request.Host}{http.Request.PathBase}{http.Request.Path}{http.Request.QueryString}", ["path"] = subPath };
                overrides = await transform.TransformAsync(input, http.RequestAborted);
                if (overrides is null)
                {
                    return (204, null);
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                api.Log.LogWarning(ex, "hook mapping {Mapping} failed", mapping.Id ?? subPath);
                return (500, new JsonObject { ["ok"] = false, ["error"] = "hook mapping failed" });
            }
        }

        var context = new HookTemplateContext(subPath, payload, headers, query, api.Time.GetUtcNow());
        string? Render(string? template) => template is null ? null : HookTemplate.Render(template, context).Trim() is { Length: > 0 } r ? r : null;
        string? Override(string key) => ConfigValues.String(overrides?[key]);
        var kind = Override("kind") ?? mapping.Action;
        if (kind == "wake")
        {
            var text = Override("text") ?? Render(mapping.TextTemplate);
            if (string.IsNullOrWhiteSpace(text))
            {
                return (400, new JsonObject { ["ok"] = false, ["error"] = "hook mapping requires text" });
            }

            var mode = _dispatcher.Wake(text, Override("mode") ?? mapping.WakeMode);
            return (200, new JsonObject { ["ok"] = true, ["mode"] = mode });
        }

        var message = Override("message") ?? Render(mapping.MessageTemplate);
        if (string.IsNullOrWhiteSpace(message))
        {
            return (400, new JsonObject { ["ok"] = false, ["error"] = "hook mapping requires message" });
        }

        var sessionKey = Override("sessionKey") ?? Render(mapping.SessionKey);
        var gmail = subPath.Equals("gmail", StringComparison.OrdinalIgnoreCase)
            || string.Equals(ConfigValues.String((payload as JsonObject)?["source"]), "gmail", StringComparison.OrdinalIgnoreCase)
            || (sessionKey?.StartsWith("hook:gmail:", StringComparison.OrdinalIgnoreCase) ?? false);
        var action = new HookAgentAction
        {
            Message = message,
            Name = Override("name") ?? Render(mapping.Name) ?? "Hook",
            AgentId = Override("agentId") ?? mapping.AgentId,
            SessionKey = sessionKey,
            SessionKeyFromRequest = false,
            Deliver = ConfigValues.Bool(overrides?["deliver"]) ?? mapping.Deliver,
            Channel = Override("channel") ?? mapping.Channel ?? "last",
            To = Override("to") ?? Render(mapping.To),
            Model = Override("model") ?? Render(mapping.Model),
            Thinking = Override("thinking") ?? Render(mapping.Thinking),
            TimeoutSeconds = ConfigValues.Long(overrides?["timeoutSeconds"]) is > 0 and var t ? (int)t : mapping.TimeoutSeconds,
            WakeMode = (Override("wakeMode") ?? mapping.WakeMode) == "next-heartbeat" ? "next-heartbeat" : "now",
            Source = gmail ? "gmail" : "webhook",
            AllowUnsafeExternalContent = ConfigValues.Bool(overrides?["allowUnsafeExternalContent"]) ?? mapping.AllowUnsafeExternalContent,
            IdempotencyKey = IdempotencyKey(http, payload as JsonObject ?? []),
        };
        return _dispatcher.DispatchAgent(action, settings, settings.Token!, "mapping:" + (mapping.Id ?? subPath));
    }

    /// <summary>The JavaScript module for a mapping (paths re-checked per call: the config or the directory may have changed since start-up).</summary>
    private IHookTransform ScriptTransform(HookMapping mapping, string module, HooksSettings settings)
    {
        var file = HookTransformPaths.Module(HookTransformPaths.Directory(settings.TransformsDir, api.Services.Paths.ConfigPath), module);
        return _scripts.Value.For(file, mapping.TransformExport, new JsTransformLimits(settings.TransformTimeout));
    }

    /// <summary>Transforms never see the hooks token.</summary>
    private static JsonObject WithoutHookToken(JsonObject headers)
    {
        var copy = (JsonObject)headers.DeepClone();
        copy.Remove("authorization");
        copy.Remove("x-openclaw-token");
        return copy;
    }

    private static string? IdempotencyKey(HttpContext http, JsonObject payload)
    {
        var key = OpenAi.ModelAgentResolver.FirstHeader(http.Request, "Idempotency-Key", "X-OpenClaw-Idempotency-Key") ?? ConfigValues.String(payload["idempotencyKey"])?.Trim();
        return key is { Length: > 0 and <= 256 } ? key : null;
    }
}
