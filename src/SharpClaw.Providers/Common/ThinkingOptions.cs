using Microsoft.Extensions.AI;
using SharpClaw.Providers.Abstractions;

namespace SharpClaw.Providers.Common;

/// <summary>Reads <see cref="ProviderOptionKeys.Thinking"/> from <see cref="ChatOptions.AdditionalProperties"/>.</summary>
internal static class ThinkingOptions
{
    /// <summary>The requested level, or null when the caller did not ask for one (adapters then send nothing).</summary>
    public static ThinkingLevel? Read(ChatOptions? options)
    {
        if (options?.AdditionalProperties is not { } props || !props.TryGetValue(ProviderOptionKeys.Thinking, out var raw) || raw is null)
        {
            return null;
        }

        return Parse(raw.ToString());
    }

    public static ThinkingLevel? Parse(string? value) => value?.Trim().ToLowerInvariant() switch
    {
        "off" or "none" or "false" => ThinkingLevel.Off,
        "minimal" => ThinkingLevel.Minimal,
        "low" => ThinkingLevel.Low,
        "medium" or "adaptive" or "on" or "true" => ThinkingLevel.Medium,
        "high" or "xhigh" or "x-high" or "x_high" or "max" or "ultra" or "highest" => ThinkingLevel.High,
        _ => null,
    };

    /// <summary>A copy of <paramref name="options"/> without the SharpClaw-private thinking key.</summary>
    public static ChatOptions? WithoutThinkingKey(ChatOptions? options)
    {
        if (options?.AdditionalProperties is not { } props || !props.ContainsKey(ProviderOptionKeys.Thinking))
        {
            return options;
        }

        var clone = options.Clone();
        var copy = new AdditionalPropertiesDictionary(props);
        copy.Remove(ProviderOptionKeys.Thinking);
        clone.AdditionalProperties = copy.Count == 0 ? null : copy;
        return clone;
    }
}
