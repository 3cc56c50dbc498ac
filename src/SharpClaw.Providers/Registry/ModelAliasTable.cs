using System.Text.Json.Nodes;
using SharpClaw.Providers.Abstractions;

namespace SharpClaw.Providers.Registry;

/// <summary>
/// <c>agents.defaults.models</c>: a map keyed by <c>provider/model</c> whose values may carry an <c>alias</c>
/// (<c>{"anthropic/claude-opus-4-6": {"alias": "opus"}}</c>, openclaw-core §1.6/§5.3). Alias lookup is
/// case-insensitive; <c>provider/*</c> wildcard rows are kept out of the alias and listing tables.
/// </summary>
internal sealed class ModelAliasTable
{
    private readonly Dictionary<string, ModelRef> _byAlias = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<ModelRef, string> _aliasOf = [];
    private readonly List<ModelRef> _refs = [];

    public ModelAliasTable(JsonObject? config)
    {
        if (ConfigJson.Object(config, "agents", "defaults", "models") is not { } models)
        {
            return;
        }

        foreach (var (key, value) in models)
        {
            if (key.EndsWith("/*", StringComparison.Ordinal) || !ModelRef.TryParse(key, out var modelRef) || modelRef is null)
            {
                continue;
            }

            _refs.Add(modelRef);
            if (ConfigJson.NonEmpty(ConfigJson.String(value as JsonObject, "alias")) is { } alias && !_byAlias.ContainsKey(alias))
            {
                _byAlias[alias] = modelRef;
                _aliasOf.TryAdd(modelRef, alias);
            }
        }
    }

    /// <summary>alias → ref.</summary>
    public IReadOnlyDictionary<string, ModelRef> Aliases => _byAlias;

    /// <summary>Every concrete ref listed in the map (with or without an alias).</summary>
    public IReadOnlyList<ModelRef> Refs => _refs;

    public bool TryResolve(string alias, out ModelRef? modelRef) => _byAlias.TryGetValue(alias.Trim(), out modelRef);

    public string? AliasOf(ModelRef modelRef) => _aliasOf.GetValueOrDefault(modelRef);
}
