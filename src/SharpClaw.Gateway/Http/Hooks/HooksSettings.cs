using System.Text.Json.Nodes;

namespace SharpClaw.Gateway.Http.Hooks;

/// <summary>The <c>hooks.*</c> config the webhook surface acts on (seed §4.2: 256 KB default body limit).</summary>
internal sealed record HooksSettings
{
    public const long DefaultMaxBodyBytes = 256 * 1024;

    public const long DefaultTransformTimeoutMs = 5000;

    public bool Enabled { get; init; }

    public string? Token { get; init; }

    /// <summary>Normalised base path: leading '/', no trailing '/' (default <c>/hooks</c>).</summary>
    public string BasePath { get; init; } = "/hooks";

    public long MaxBodyBytes { get; init; } = DefaultMaxBodyBytes;

    public string? DefaultSessionKey { get; init; }

    public bool AllowRequestSessionKey { get; init; }

    public IReadOnlyList<string> AllowedSessionKeyPrefixes { get; init; } = [];

    /// <summary>null = any agent; an empty list denies every explicit agentId.</summary>
    public IReadOnlyList<string>? AllowedAgentIds { get; init; }

    public IReadOnlyList<HookMapping> Mappings { get; init; } = [];

    /// <summary><c>hooks.transformsDir</c> as written (resolved by <see cref="HookTransformPaths"/>).</summary>
    public string? TransformsDir { get; init; }

    /// <summary><c>hooks.transformTimeoutMs</c> (SharpClaw): the time one JavaScript transform call may take.</summary>
    public TimeSpan TransformTimeout { get; init; } = TimeSpan.FromMilliseconds(DefaultTransformTimeoutMs);

    public static HooksSettings From(JsonObject? root)
    {
        var hooks = root?["hooks"] as JsonObject;
        var path = ConfigValues.String(hooks?["path"]) ?? ConfigValues.String(hooks?["basePath"]) ?? "/hooks";
        var trimmed = path.Trim().Trim('/');
        var agents = hooks?["allowedAgentIds"] is JsonArray ids ? ConfigValues.Strings(ids) : null;
        var mappings = new List<HookMapping>();
        if (hooks?["mappings"] is JsonArray explicitMappings)
        {
            mappings.AddRange(explicitMappings.OfType<JsonObject>().Select(HookMapping.From));
        }

        if (ConfigValues.Strings(hooks?["presets"]).Contains("gmail"))
        {
            mappings.Add(HookMapping.GmailPreset(ConfigValues.Bool(hooks?["gmail"]?["allowUnsafeExternalContent"]) ?? false));
        }

        return new HooksSettings
        {
            Enabled = ConfigValues.Bool(hooks?["enabled"]) ?? false,
            Token = ConfigValues.String(hooks?["token"]),
            BasePath = "/" + (trimmed.Length == 0 ? "hooks" : trimmed),
            MaxBodyBytes = ConfigValues.Long(hooks?["maxBodyBytes"]) is > 0 and var max ? max : DefaultMaxBodyBytes,
            DefaultSessionKey = ConfigValues.String(hooks?["defaultSessionKey"])?.Trim() is { Length: > 0 } key ? key : null,
            AllowRequestSessionKey = ConfigValues.Bool(hooks?["allowRequestSessionKey"]) ?? false,
            AllowedSessionKeyPrefixes = [.. ConfigValues.Strings(hooks?["allowedSessionKeyPrefixes"]).Select(p => p.ToLowerInvariant())],
            AllowedAgentIds = agents is null || agents.Contains("*") ? null : agents,
            Mappings = mappings,
            TransformsDir = ConfigValues.String(hooks?["transformsDir"]),
            TransformTimeout = TimeSpan.FromMilliseconds(ConfigValues.Long(hooks?["transformTimeoutMs"]) is > 0 and var ms ? ms : DefaultTransformTimeoutMs),
        };
    }
}
