using System.Text.Json;
using SharpClaw.Providers.Abstractions;
using SharpClaw.Providers.Common;

namespace SharpClaw.Providers.Gemini;

/// <summary>
/// Lists models from <c>GET {base}/v1beta/models</c> (paged), keeping those that support <c>generateContent</c>.
/// <c>inputTokenLimit</c>/<c>outputTokenLimit</c> become the context window and output cap; <c>thinking</c> marks reasoning.
/// </summary>
internal static class GeminiModelDiscovery
{
    private const int MaxPages = 10;

    public static async Task<IReadOnlyList<ModelDefinition>> ListAsync(ProviderEndpoint endpoint, CancellationToken cancellationToken)
    {
        var models = new List<ModelDefinition>();
        string? pageToken = null;
        for (var page = 0; page < MaxPages; page++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, GeminiUrls.Models(endpoint.BaseUrl, pageToken));
            if (!string.IsNullOrEmpty(endpoint.ApiKey))
            {
                request.Headers.TryAddWithoutValidation(GeminiChatClient.ApiKeyHeader, endpoint.ApiKey);
            }

            using var response = await endpoint.Http.SendAsync(request, cancellationToken);
            await using var body = await response.Content.ReadAsStreamAsync(cancellationToken);
            using var doc = await JsonDocument.ParseAsync(body, cancellationToken: cancellationToken);
            if (doc.RootElement.TryGetProperty("models", out var list) && list.ValueKind == JsonValueKind.Array)
            {
                models.AddRange(list.EnumerateArray().Select(m => Read(endpoint.ProviderId, m)).OfType<ModelDefinition>());
            }

            pageToken = ProviderJson.String(doc.RootElement, "nextPageToken");
            if (string.IsNullOrEmpty(pageToken))
            {
                break;
            }
        }

        return models;
    }

    private static ModelDefinition? Read(string providerId, JsonElement model)
    {
        if (ProviderJson.String(model, "name") is not { Length: > 0 } name)
        {
            return null;
        }

        if (model.TryGetProperty("supportedGenerationMethods", out var methods) && methods.ValueKind == JsonValueKind.Array
            && !methods.EnumerateArray().Any(m => m.ValueKind == JsonValueKind.String && m.GetString() is "generateContent" or "streamGenerateContent"))
        {
            return null;
        }

        var id = GeminiUrls.BareModelId(name);
        return new ModelDefinition
        {
            Ref = new ModelRef(providerId, id),
            Name = ProviderJson.String(model, "displayName") ?? id,
            Api = GeminiChatClientFactory.Api,
            ContextWindow = ToInt(ProviderJson.Long(model, "inputTokenLimit")),
            MaxOutputTokens = ToInt(ProviderJson.Long(model, "outputTokenLimit")),
            Reasoning = model.TryGetProperty("thinking", out var thinking) && thinking.ValueKind == JsonValueKind.True,
            Input = ["text", "image"],
            Source = "discovered",
        };
    }

    private static int? ToInt(long? value) => value is > 0 and <= int.MaxValue ? (int)value : null;
}
