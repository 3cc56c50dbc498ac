using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;
using Microsoft.Extensions.AI;
using SharpClaw.Agents.Runs;
using SharpClaw.Gateway.Agents.Failover;
using SharpClaw.Providers.Abstractions;
using SharpClaw.Providers.Registry;

namespace SharpClaw.Gateway.Agents;

/// <summary>
/// Model access for agent runs over the configured providers: resolves the primary (or the default model) and the
/// fallbacks, then hands them to the <see cref="FailoverRunner"/> (order, cooldown/billing skips and probes, no retry
/// of context overflow). Provider health outlives registry rebuilds, which happen when the config changes.
/// </summary>
public sealed class ProviderModelInvoker : IModelInvoker
{
    private readonly Func<JsonObject?> _config;
    private readonly Func<string, string?> _env;
    private readonly TimeProvider _time;
    private readonly string? _stateDir;
    private readonly FailoverRunner _runner;
    private readonly Lock _lock = new();
    private ProviderRegistry? _registry;
    private JsonObject? _builtFrom;

    /// <summary>The registry is built on first use (keeps provider SDKs out of gateway start-up).</summary>
    public ProviderModelInvoker(Func<JsonObject?> config, Func<string, string?> env, TimeProvider time, string? stateDir = null, ProviderHealth? health = null)
    {
        _config = config;
        _env = env;
        _time = time;
        _stateDir = stateDir;
        Health = health ?? new ProviderHealth(time);
        _runner = new FailoverRunner(Health);
    }

    /// <summary>Cooldown / billing state per provider (shown in models.list and status).</summary>
    public ProviderHealth Health { get; }

    internal ProviderRegistry Registry
    {
        get
        {
            var current = _config();
            lock (_lock)
            {
                if (_registry is null || !ReferenceEquals(current, _builtFrom))
                {
                    _builtFrom = current;
                    _registry = Build(current);
                }

                return _registry;
            }
        }
    }

    private ProviderRegistry Build(JsonObject? config)
    {
        var registry = new ProviderRegistry(config, new ProviderRegistryOptions { Environment = _env, TimeProvider = _time, Registrations = ExtraProviders.Create(config, _env, _time, _stateDir) });
        _ = registry.DetectAsync(CancellationToken.None);
        return registry;
    }

    public async IAsyncEnumerable<ChatResponseUpdate> StreamAsync(ModelCall call, IList<ChatMessage> messages, ChatOptions options, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var registry = Registry;
        if (!registry.HasConfiguredProvider)
        {
            throw new NoModelProviderException(registry.NoProviderMessage);
        }

        var refs = new List<string?> { call.Primary };
        if (!call.Strict)
        {
            refs.AddRange(call.Fallbacks);
        }

        var candidates = new List<FailoverCandidate>();
        ProviderException? unresolved = null;
        foreach (var candidate in refs.Distinct())
        {
            try
            {
                var resolved = registry.ResolveModel(candidate);
                if (candidates.Exists(c => c.Provider == resolved.Ref.Provider && c.Model == resolved.Ref.Model))
                {
                    continue;
                }

                candidates.Add(new FailoverCandidate(resolved.Ref.Provider, resolved.Ref.Model, () =>
                {
                    var callOptions = options.Clone();
                    callOptions.ModelId = resolved.Ref.Model;
                    return resolved.CreateChatClient().GetStreamingResponseAsync(messages, callOptions, cancellationToken);
                }));
            }
            catch (ProviderException ex) when (refs.Count > 1)
            {
                unresolved ??= ex;
            }
        }

        if (candidates.Count == 0)
        {
            throw unresolved ?? new ProviderException("unknown", null, FailoverReason.ModelNotFound, "no model candidate could be resolved");
        }

        await foreach (var update in _runner.RunAsync(candidates, c => call.OnModelSelected?.Invoke(c.Provider, c.Model), cancellationToken))
        {
            yield return update;
        }
    }

    public ModelCost? CostOf(string provider, string model) => Registry.CostOf(provider, model);

    public int ContextWindowOf(string? modelRef)
        => Registry.TryResolveModel(modelRef, out var resolved, out _) && resolved?.Definition.ContextWindow is { } cw ? cw : Compactor.DefaultContextWindow;

    public async Task<JsonArray> ListModelsAsync(CancellationToken ct)
    {
        var rows = new JsonArray();
        foreach (var listing in await Registry.ListModelsAsync(ct))
        {
            var m = listing.Model;
            var row = new JsonObject
            {
                ["id"] = m.Ref.ToString(),
                ["name"] = m.Name ?? m.Ref.Model,
                ["provider"] = m.Ref.Provider,
                ["api"] = m.Api,
                ["available"] = listing.Available,
                ["default"] = listing.IsDefault,
                ["source"] = m.Source,
                ["reasoning"] = m.Reasoning,
                ["input"] = Protocol.Frames.JsonNodes.StringArray(m.Input),
            };
            AddHealth(row, listing.Available, m.Ref.Provider);
            if (m.ContextWindow is { } cw)
            {
                row["contextWindow"] = cw;
            }

            if (listing.Alias is { } alias)
            {
                row["alias"] = alias;
            }

            if (m.Cost is { } cost)
            {
                row["cost"] = new JsonObject { ["input"] = (double)cost.Input, ["output"] = (double)cost.Output, ["cacheRead"] = (double)cost.CacheRead, ["cacheWrite"] = (double)cost.CacheWrite };
            }

            rows.Add((JsonNode)row);
        }

        return rows;
    }

    private void AddHealth(JsonObject row, bool available, string provider)
    {
        if (!available)
        {
            row["state"] = "unconfigured";
            return;
        }

        var now = _time.GetUtcNow();
        var health = Health.Get(provider);
        row["state"] = health.StateAt(now);
        if (health.InCooldown(now))
        {
            row["cooldownUntil"] = health.CooldownUntil!.Value.ToUnixTimeMilliseconds();
            row["cooldownReason"] = health.CooldownReason;
        }

        if (health.IsDisabled(now))
        {
            row["disabledUntil"] = health.DisabledUntil!.Value.ToUnixTimeMilliseconds();
            row["disabledReason"] = health.DisabledReason;
        }

        if (health.ErrorCount > 0)
        {
            row["errorCount"] = health.ErrorCount;
        }
    }
}
