using System.Net.Http.Headers;
using System.Text.Json;
using SharpClaw.Providers.Abstractions;
using SharpClaw.Providers.Common;

namespace SharpClaw.Providers.OpenAI;

/// <summary>
/// Lists models from an OpenAI-compatible <c>GET {baseUrl}/models</c> (<c>{"object":"list","data":[{"id":…}]}</c>);
/// vLLM's <c>max_model_len</c> becomes the context window.
/// </summary>
internal static class OpenAIModelDiscovery
{
    public static async Task<IReadOnlyList<ModelDefinition>> ListAsync(ProviderEndpoint endpoint, string api, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, UriPaths.Append(endpoint.BaseUrl, "models"));
        if (!string.IsNullOrEmpty(endpoint.ApiKey))
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", endpoint.ApiKey);
        }

        using var response = await endpoint.Http.SendAsync(request, cancellationToken);
        await using var body = await response.Content.ReadAsStreamAsync(cancellationToken);
        using var doc = await JsonDocument.ParseAsync(body, cancellationToken: cancellationToken);
        var models = new List<ModelDefinition>();
        if (doc.RootElement.TryGetProperty("data", out var data) && data.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in data.EnumerateArray())
            {
                if (item.TryGetProperty("id", out var id) && id.GetString() is { Length: > 0 } modelId)
                {
                    models.Add(new ModelDefinition
                    {
                        Ref = new ModelRef(endpoint.ProviderId, modelId),
                        Name = modelId,
                        Api = api,
                        ContextWindow = item.TryGetProperty("max_model_len", out var len) && len.TryGetInt32(out var window) ? window : null,
                        Source = "discovered",
                    });
                }
            }
        }

        return models;
    }
}
