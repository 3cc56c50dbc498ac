using System.Text.Json;
using SharpClaw.Providers.Abstractions;
using SharpClaw.Providers.Common;

namespace SharpClaw.Providers.Ollama;

/// <summary>Lists locally pulled models from Ollama's <c>GET {baseUrl}/api/tags</c> (<c>{"models":[{"name":…}]}</c>).</summary>
internal static class OllamaModelDiscovery
{
    public static async Task<IReadOnlyList<ModelDefinition>> ListAsync(ProviderEndpoint endpoint, CancellationToken cancellationToken)
    {
        using var response = await endpoint.Http.GetAsync(UriPaths.Append(endpoint.BaseUrl, "api/tags"), cancellationToken);
        await using var body = await response.Content.ReadAsStreamAsync(cancellationToken);
        using var doc = await JsonDocument.ParseAsync(body, cancellationToken: cancellationToken);
        var models = new List<ModelDefinition>();
        if (doc.RootElement.TryGetProperty("models", out var list) && list.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in list.EnumerateArray())
            {
                var name = item.TryGetProperty("name", out var n) ? n.GetString() : null;
                name ??= item.TryGetProperty("model", out var m) ? m.GetString() : null;
                if (!string.IsNullOrEmpty(name))
                {
                    models.Add(new ModelDefinition
                    {
                        Ref = new ModelRef(endpoint.ProviderId, name),
                        Name = name,
                        Api = OllamaChatClient.Api,
                        Source = "discovered",
                    });
                }
            }
        }

        return models;
    }
}
