using System.Text.Json;

namespace SharpClaw.Providers.Errors;

/// <summary>Pulls the human-readable message out of a provider error body (OpenAI, Anthropic, Ollama, OpenRouter shapes).</summary>
internal static class ErrorBodyReader
{
    private const int MaxRawLength = 500;

    /// <summary>
    /// <c>{"error":{"message":…}}</c> (OpenAI/OpenRouter/Anthropic), <c>{"error":"…"}</c> (Ollama),
    /// <c>{"message":…}</c> or <c>{"detail":…}</c> (vLLM/FastAPI); otherwise the raw body, shortened.
    /// </summary>
    public static string? ExtractMessage(string? body)
    {
        if (string.IsNullOrWhiteSpace(body))
        {
            return null;
        }

        var trimmed = body.Trim();
        var start = trimmed.IndexOf('{', StringComparison.Ordinal);
        var end = trimmed.LastIndexOf('}');
        if (start >= 0 && end > start)
        {
            // Whole-body JSON, or JSON embedded in an SDK message such as "SSE error returned from server: '{…}'".
            try
            {
                using var doc = JsonDocument.Parse(trimmed[start..(end + 1)]);
                if (FindMessage(doc.RootElement) is { Length: > 0 } message)
                {
                    return message;
                }
            }
            catch (JsonException)
            {
                // not JSON after all: fall through to the raw text
            }
        }

        return trimmed.Length <= MaxRawLength ? trimmed : trimmed[..MaxRawLength] + "…";
    }

    private static string? FindMessage(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        if (root.TryGetProperty("error", out var error))
        {
            if (error.ValueKind == JsonValueKind.String)
            {
                return error.GetString();
            }

            if (error.ValueKind == JsonValueKind.Object && FindMessage(error) is { } nested)
            {
                return nested;
            }
        }

        foreach (var key in (ReadOnlySpan<string>)["message", "detail", "error_message"])
        {
            if (root.TryGetProperty(key, out var value) && value.ValueKind == JsonValueKind.String)
            {
                return value.GetString();
            }
        }

        return null;
    }
}
