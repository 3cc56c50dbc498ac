using System.Text.Json;
using SharpClaw.Providers.Abstractions;
using SharpClaw.Providers.Common;

namespace SharpClaw.Providers.Copilot;

/// <summary>
/// Lists the account's chat models with <c>GET {apiBase}/models</c> (through the Copilot auth handler):
/// <c>data[].id</c>, <c>name</c>, <c>capabilities.type == "chat"</c>, <c>capabilities.limits.max_context_window_tokens</c>
/// / <c>max_output_tokens</c>.
/// </summary>
internal static class CopilotModelDiscovery
{
    private const int MaxModels = 500;

    public static async Task<IReadOnlyList<ModelDefinition>> ListAsync(ProviderEndpoint chat, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, CopilotUrls.Models(chat.BaseUrl));
        using var response = await chat.Http.SendAsync(request, cancellationToken);
        await using var body = await response.Content.ReadAsStreamAsync(cancellationToken);
        using var doc = await JsonDocument.ParseAsync(body, cancellationToken: cancellationToken);
        if (!doc.RootElement.TryGetProperty("data", out var data) || data.ValueKind != JsonValueKind.Array)
        {
            return [];
        }

        var models = new List<ModelDefinition>();
        foreach (var item in data.EnumerateArray().Take(MaxModels))
        {
            if (item.ValueKind != JsonValueKind.Object || String(item, "id") is not { Length: > 0 } id)
            {
                continue;
            }

            var caps = item.TryGetProperty("capabilities", out var c) && c.ValueKind == JsonValueKind.Object ? c : default;
            if (caps.ValueKind == JsonValueKind.Object && String(caps, "type") is { } type && type != "chat")
            {
                continue;
            }

            var limits = caps.ValueKind == JsonValueKind.Object && caps.TryGetProperty("limits", out var l) && l.ValueKind == JsonValueKind.Object ? l : default;
            var supports = caps.ValueKind == JsonValueKind.Object && caps.TryGetProperty("supports", out var sp) && sp.ValueKind == JsonValueKind.Object ? sp : default;
            var reasoning = supports.ValueKind == JsonValueKind.Object && supports.TryGetProperty("reasoning_effort", out var effort) && effort.ValueKind == JsonValueKind.Array && effort.GetArrayLength() > 0;
            models.Add(CopilotModels.Define(chat.ProviderId, id, String(item, "name"), Int(limits, "max_context_window_tokens"), Int(limits, "max_output_tokens"), "discovered", reasoning));
        }

        return models;
    }

    private static string? String(JsonElement e, string key)
        => e.TryGetProperty(key, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    private static int? Int(JsonElement e, string key)
        => e.ValueKind == JsonValueKind.Object && e.TryGetProperty(key, out var v) && v.ValueKind == JsonValueKind.Number && v.TryGetInt32(out var i) && i > 0 ? i : null;
}
