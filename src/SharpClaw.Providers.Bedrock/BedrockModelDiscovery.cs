using System.Text.Json;
using SharpClaw.Providers.Abstractions;
using SharpClaw.Providers.Common;

namespace SharpClaw.Providers.Bedrock;

/// <summary>
/// Discovers Bedrock models (openclaw-core, <c>models.bedrockDiscovery</c>): <c>GET /foundation-models</c> keeping
/// ACTIVE models that stream and output TEXT, plus ACTIVE inference profiles (<c>GET /inference-profiles</c>, paged),
/// both filtered by provider name. Results are deduplicated by id and sorted by name. One listing failing is tolerated
/// (<see cref="BedrockDiscoveryResult.Partial"/>); both failing throws the first error.
/// </summary>
internal static class BedrockModelDiscovery
{
    private const int MaxProfilePages = 20;

    public static async Task<BedrockDiscoveryResult> ListAsync(ProviderEndpoint control, BedrockDiscoveryOptions options, CancellationToken cancellationToken)
    {
        var filter = options.ProviderFilter.Select(p => p.Trim().ToLowerInvariant()).Where(p => p.Length > 0).ToHashSet(StringComparer.Ordinal);
        var models = new List<ModelDefinition>();
        var failures = new List<Exception>();
        try
        {
            models.AddRange(await FoundationModelsAsync(control, options, filter, cancellationToken));
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            failures.Add(ex);
        }

        try
        {
            models.AddRange(await InferenceProfilesAsync(control, options, filter, cancellationToken));
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            failures.Add(ex);
        }

        if (models.Count == 0 && failures.Count > 0)
        {
            throw failures[0];
        }

        var unique = models.GroupBy(m => m.Ref.Model, StringComparer.Ordinal).Select(g => g.First())
            .OrderBy(m => m.Name, StringComparer.OrdinalIgnoreCase).ToList();
        return new BedrockDiscoveryResult(unique, failures.Count > 0);
    }

    private static async Task<List<ModelDefinition>> FoundationModelsAsync(ProviderEndpoint control, BedrockDiscoveryOptions options, HashSet<string> filter, CancellationToken cancellationToken)
    {
        using var doc = await GetAsync(control, BedrockUrls.FoundationModels(control.BaseUrl), cancellationToken);
        var result = new List<ModelDefinition>();
        if (!doc.RootElement.TryGetProperty("modelSummaries", out var summaries) || summaries.ValueKind != JsonValueKind.Array)
        {
            return result;
        }

        foreach (var summary in summaries.EnumerateArray())
        {
            var id = ProviderJson.String(summary, "modelId")?.Trim();
            var provider = (ProviderJson.String(summary, "providerName") ?? id?.Split('.')[0])?.Trim().ToLowerInvariant();
            var streams = summary.TryGetProperty("responseStreamingSupported", out var s) && s.ValueKind == JsonValueKind.True;
            var active = BedrockJson.TryGetObject(summary, "modelLifecycle", out var lifecycle)
                && string.Equals(ProviderJson.String(lifecycle, "status"), "ACTIVE", StringComparison.OrdinalIgnoreCase);
            if (string.IsNullOrEmpty(id) || !streams || !active || !Modalities(summary, "outputModalities").Contains("text")
                || (filter.Count > 0 && (provider is null || !filter.Contains(provider))))
            {
                continue;
            }

            var inputs = Modalities(summary, "inputModalities").Where(m => m is "text" or "image").ToList();
            result.Add(Definition(control.ProviderId, id, ProviderJson.String(summary, "modelName"), inputs.Count > 0 ? inputs : ["text"], options));
        }

        return result;
    }

    private static async Task<List<ModelDefinition>> InferenceProfilesAsync(ProviderEndpoint control, BedrockDiscoveryOptions options, HashSet<string> filter, CancellationToken cancellationToken)
    {
        var result = new List<ModelDefinition>();
        string? next = null;
        for (var page = 0; page < MaxProfilePages; page++)
        {
            using var doc = await GetAsync(control, BedrockUrls.InferenceProfiles(control.BaseUrl, next), cancellationToken);
            if (doc.RootElement.TryGetProperty("inferenceProfileSummaries", out var summaries) && summaries.ValueKind == JsonValueKind.Array)
            {
                foreach (var summary in summaries.EnumerateArray())
                {
                    var id = ProviderJson.String(summary, "inferenceProfileId")?.Trim();
                    if (string.IsNullOrEmpty(id) || !string.Equals(ProviderJson.String(summary, "status"), "ACTIVE", StringComparison.OrdinalIgnoreCase)
                        || (filter.Count > 0 && !filter.Contains(ProfileProvider(id))))
                    {
                        continue;
                    }

                    result.Add(Definition(control.ProviderId, id, ProviderJson.String(summary, "inferenceProfileName"), ["text"], options));
                }
            }

            next = ProviderJson.String(doc.RootElement, "nextToken");
            if (string.IsNullOrEmpty(next))
            {
                break;
            }
        }

        return result;
    }

    /// <summary><c>us.anthropic.claude-…</c> → <c>anthropic</c>; <c>anthropic.claude-…</c> → <c>anthropic</c>; ARNs use their last segment.</summary>
    private static string ProfileProvider(string id)
    {
        var tail = id.ToLowerInvariant();
        tail = tail[(tail.LastIndexOf('/') + 1)..];
        var parts = tail.Split('.', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length > 1 && IsLocationPrefix(parts[0]))
        {
            return parts[1];
        }

        return parts.Length > 0 ? parts[0] : tail;
    }

    private static bool IsLocationPrefix(string part)
        => part is "us" or "eu" or "ap" or "sa" or "ca" or "me" or "af" or "apac" or "latam" or "emea" or "global"
           || (part.Length > 2 && part[2] == '-' && char.IsAsciiLetter(part[0]) && char.IsAsciiLetter(part[1]));

    private static ModelDefinition Definition(string providerId, string id, string? name, IReadOnlyList<string> input, BedrockDiscoveryOptions options)
    {
        var display = string.IsNullOrWhiteSpace(name) ? id : name.Trim();
        var haystack = $"{id} {display}".ToLowerInvariant();
        return new ModelDefinition
        {
            Ref = new ModelRef(providerId, id),
            Name = display,
            Api = BedrockChatClientFactory.Api,
            ContextWindow = options.DefaultContextWindow,
            MaxOutputTokens = options.DefaultMaxTokens,
            Reasoning = haystack.Contains("reasoning", StringComparison.Ordinal) || haystack.Contains("thinking", StringComparison.Ordinal),
            Input = input,
            Cost = new ModelCost(0m, 0m, 0m, 0m),
            Source = "discovered",
        };
    }

    private static HashSet<string> Modalities(JsonElement summary, string name)
        => summary.TryGetProperty(name, out var list) && list.ValueKind == JsonValueKind.Array
            ? list.EnumerateArray().Where(m => m.ValueKind == JsonValueKind.String).Select(m => m.GetString()!.ToLowerInvariant()).ToHashSet(StringComparer.Ordinal)
            : [];

    private static async Task<JsonDocument> GetAsync(ProviderEndpoint control, Uri url, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        using var response = await control.Http.SendAsync(request, cancellationToken);
        await using var body = await response.Content.ReadAsStreamAsync(cancellationToken);
        return await JsonDocument.ParseAsync(body, cancellationToken: cancellationToken);
    }
}
