using System.Collections.Concurrent;

namespace SharpClaw.Gateway.Http;

/// <summary>
/// What channels and plugins plug into the HTTP surfaces: handlers under <c>/api/channels/</c>, webhook
/// transforms (named by a mapping's <c>transform.module</c>) and the <c>/tools/invoke</c> policy.
/// </summary>
public sealed class HttpExtensionRegistry
{
    private readonly ConcurrentDictionary<string, ChannelRoute> _channelRoutes = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, IHookTransform> _transforms = new(StringComparer.Ordinal);

    /// <summary>The tool policy for <c>/tools/invoke</c>; the default applies the HTTP deny list and <c>gateway.tools</c>.</summary>
    public IToolInvokePolicy ToolPolicy { get; set; } = new PipelineToolInvokePolicy();

    /// <summary>Raised with every agent run an HTTP API starts (diagnostics and tests).</summary>
    public event Action<SharpClaw.Agents.Runs.AgentRunRequest>? RunStarted;

    internal void OnRunStarted(SharpClaw.Agents.Runs.AgentRunRequest request) => RunStarted?.Invoke(request);

    /// <summary>Adds a handler for <paramref name="path"/> (lower-case, under <c>/api/channels/</c>); prefix routes also match sub-paths.</summary>
    public void AddChannelRoute(string path, bool prefix, Func<Microsoft.AspNetCore.Http.HttpContext, Task> handler)
    {
        var normalized = "/" + path.Trim().Trim('/').ToLowerInvariant();
        if (!normalized.StartsWith(ChannelRoutePaths.Prefix + "/", StringComparison.Ordinal))
        {
            throw new ArgumentException($"channel routes live under {ChannelRoutePaths.Prefix}/ (got {path})", nameof(path));
        }

        _channelRoutes[normalized] = new ChannelRoute(normalized, prefix, handler);
    }

    /// <summary>Registers a webhook transform under the name a mapping's <c>transform.module</c> uses.</summary>
    public void AddHookTransform(string module, IHookTransform transform) => _transforms[module] = transform;

    internal IHookTransform? FindTransform(string module) => _transforms.GetValueOrDefault(module);

    /// <summary>Exact routes first, then the longest prefix route.</summary>
    internal ChannelRoute? FindChannelRoute(string canonicalPath)
    {
        if (_channelRoutes.TryGetValue(canonicalPath, out var exact))
        {
            return exact;
        }

        return _channelRoutes.Values
            .Where(r => r.Prefix && canonicalPath.StartsWith(r.Path + "/", StringComparison.Ordinal))
            .OrderByDescending(r => r.Path.Length)
            .FirstOrDefault();
    }
}
